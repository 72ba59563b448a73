package dev.meridian.gateway.provider.bedrock;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.meridian.gateway.provider.RequestSigner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests to Bedrock with AWS Signature Version 4, using the AWS SDK's signer, from static
 * credentials. Thread-safe: one instance per provider serves every request.
 * <p>
 * Every header handed in is signed, so the request must go out with those headers unchanged, plus
 * the ones {@link #sign} returns, and with the body that was signed.
 */
public final class BedrockSigner implements RequestSigner {

	/** The signing name of the Bedrock runtime API, whose endpoint prefix is {@code bedrock-runtime}. */
	static final String SIGNING_NAME = "bedrock";

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");

	private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

	private final String signingName;

	private final String region;

	private final AwsCredentialsIdentity credentials;

	private final Clock clock;

	/**
	 * @param sessionToken the token of temporary credentials, or null for long-term keys
	 */
	public BedrockSigner(String region, String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {
		this(SIGNING_NAME, region, sessionToken == null || sessionToken.isEmpty()
				? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
				: AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken), Clock.systemUTC());
	}

	/** For tests: another service's signing name (to check published examples) and a fixed clock. */
	BedrockSigner(String signingName, String region, AwsCredentialsIdentity credentials, Clock clock) {
		this.signingName = signingName;
		this.region = region;
		this.credentials = credentials;
		this.clock = clock;
	}

	/** The regional endpoint used when the provider configures no {@code base_url}. */
	public static String defaultBaseUrl(String region) {
		if (!REGION.matcher(region).matches()) {
			throw new IllegalArgumentException("not an AWS region: '" + region + "'");
		}
		return "https://bedrock-runtime." + region + ".amazonaws.com";
	}

	/**
	 * Signs one request.
	 * @param method the HTTP method, e.g. {@code POST}
	 * @param url the full URL, its path already percent-encoded as it goes on the wire
	 * @param headers the headers the request will carry (e.g. {@code Content-Type}); all are signed
	 * @param body the exact body bytes
	 * @return the headers to set on the request: {@code Authorization}, {@code X-Amz-Date},
	 * {@code x-amz-content-sha256}, {@code Host}, and {@code X-Amz-Security-Token} with temporary
	 * credentials
	 */
	@Override
	public Map<String, String> sign(String method, URI url, Map<String, String> headers, byte[] body) {
		SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(url);
		headers.forEach(request::putHeader);
		SignedRequest signed = SIGNER.sign(signing -> signing.identity(this.credentials)
			.request(request.build())
			.payload(ContentStreamProvider.fromByteArrayUnsafe(body))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, this.signingName)
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region)
			.putProperty(HttpSigner.SIGNING_CLOCK, this.clock));
		Map<String, String> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		given.putAll(headers);
		Map<String, String> added = new LinkedHashMap<>();
		signed.request().forEachHeader((name, values) -> {
			String value = values.getFirst();
			if (!value.equals(given.get(name))) {
				added.put(name, value);
			}
		});
		return added;
	}

}
