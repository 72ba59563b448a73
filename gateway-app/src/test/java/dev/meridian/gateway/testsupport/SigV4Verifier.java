package dev.meridian.gateway.testsupport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks the AWS Signature Version 4 of a request as an AWS service does: it signs the request it
 * received (method, path exactly as it came, the headers named in {@code SignedHeaders}, the
 * {@code X-Amz-Date} and the body) again with the AWS SDK's signer and the credentials it knows, and
 * compares. Every header the signature covers must arrive with the value that was signed, so the
 * body's hash in {@code x-amz-content-sha256}, the host and the session token are checked too.
 */
final class SigV4Verifier {

	/** How far a request's date may be from the service's clock, as AWS allows. */
	private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/"
			+ "([^/]+)/([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}");

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

	private final String service;

	private final String region;

	private final AwsCredentialsIdentity credentials;

	/** Why a request was refused: Bedrock's status, its {@code x-amzn-ErrorType} name and message. */
	record Rejection(int status, String errorType, String message) {
	}

	SigV4Verifier(String service, String region, AwsCredentialsIdentity credentials) {
		this.service = service;
		this.region = region;
		this.credentials = credentials;
	}

	/** @return empty when the signature holds */
	Optional<Rejection> verify(String method, String rawPathAndQuery, Headers headers, byte[] body) {
		String authorization = headers.getFirst("Authorization");
		if (authorization == null) {
			return Optional.of(new Rejection(403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
		}
		Matcher parts = AUTHORIZATION.matcher(authorization);
		if (!parts.matches()) {
			return Optional.of(new Rejection(400, "IncompleteSignatureException",
					"Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. "
							+ "Authorization=" + authorization));
		}
		if (!parts.group(1).equals(this.credentials.accessKeyId())) {
			return Optional.of(new Rejection(403, "UnrecognizedClientException",
					"The security token included in the request is invalid."));
		}
		if (!parts.group(3).equals(this.region) || !parts.group(4).equals(this.service)) {
			return Optional.of(new Rejection(403, "InvalidSignatureException", "Credential should be scoped to a valid"
					+ " region and service, not '" + parts.group(3) + "/" + parts.group(4) + "'."));
		}
		Instant signedAt = signedAt(headers.getFirst("X-Amz-Date"));
		if (signedAt == null || !parts.group(2).equals(headers.getFirst("X-Amz-Date").substring(0, 8))) {
			return Optional.of(mismatch());
		}
		if (Duration.between(signedAt, Instant.now()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
			return Optional.of(new Rejection(403, "InvalidSignatureException",
					"Signature expired: " + headers.getFirst("X-Amz-Date") + " is not within five minutes of now."));
		}
		List<String> signedHeaders = List.of(parts.group(5).split(";"));
		SdkHttpRequest.Builder request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.fromValue(method))
			.uri(URI.create("http://" + headers.getFirst("Host") + rawPathAndQuery));
		for (String name : signedHeaders) {
			// The signer sets these itself, from the URL, the clock, the body and the credentials.
			if (!List.of("host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token").contains(name)) {
				List<String> values = headers.get(name);
				if (values == null) {
					return Optional.of(mismatch());
				}
				request.putHeader(name, values);
			}
		}
		SignedRequest signed = SIGNER.sign(signing -> signing.identity(this.credentials)
			.request(request.build())
			.payload(ContentStreamProvider.fromByteArrayUnsafe(body))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, this.service)
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region)
			.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
		boolean sameHeaders = signedHeaders.stream()
			.allMatch(name -> Objects.equals(headers.getFirst(name), signed.request().firstMatchingHeader(name).orElse(null)));
		boolean sameSignature = authorization.equals(signed.request().firstMatchingHeader("Authorization").orElse(null));
		return sameHeaders && sameSignature ? Optional.empty() : Optional.of(mismatch());
	}

	private static Rejection mismatch() {
		return new Rejection(403, "InvalidSignatureException", "The request signature we calculated does not match the"
				+ " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
				+ " documentation for details.");
	}

	private static Instant signedAt(String amzDate) {
		if (amzDate == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
