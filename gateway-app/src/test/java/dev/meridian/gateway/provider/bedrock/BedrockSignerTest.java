package dev.meridian.gateway.provider.bedrock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BedrockSignerTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T09:26:53Z"), ZoneOffset.UTC);

	private static final URI CONVERSE_URL = URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"
			+ BedrockRequestTranslator.conversePath(
					"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
					false));

	private static final byte[] BODY = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}"
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * The signed GET Object example of the S3 SigV4 documentation: signature computed by AWS for
	 * these credentials, date, URL and headers.
	 */
	@Test
	void matchesTheSignatureAwsPublishedForItsExampleRequest() {
		BedrockSigner signer = new BedrockSigner("s3", "us-east-1",
				AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
				Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC));

		Map<String, String> added = signer.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
				Map.of("Range", "bytes=0-9"), new byte[0]);

		assertThat(added).containsEntry("Authorization",
				"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
						+ "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
						+ "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
		assertThat(added).containsEntry("X-Amz-Date", "20130524T000000Z")
			.containsEntry("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
			.doesNotContainKey("Range");
	}

	@Test
	void signsAConverseCallForServiceBedrockWithTheModelArnEncodedTwiceInTheCanonicalPath() throws Exception {
		BedrockSigner signer = new BedrockSigner(BedrockSigner.SIGNING_NAME, "us-east-1",
				AwsSessionCredentialsIdentity.create("ASIAEXAMPLEKEYID", "secretExampleKey", "sessionTokenExample"),
				CLOCK);

		Map<String, String> added = signer.sign("POST", CONVERSE_URL, Map.of("Content-Type", "application/json"), BODY);

		assertThat(added).containsOnlyKeys("Authorization", "X-Amz-Date", "x-amz-content-sha256", "Host",
				"X-Amz-Security-Token");
		assertThat(added).containsEntry("X-Amz-Security-Token", "sessionTokenExample")
			.containsEntry("Host", "bedrock-runtime.us-east-1.amazonaws.com")
			.containsEntry("X-Amz-Date", "20260314T092653Z");
		assertThat(added.get("Authorization")).isEqualTo(expectedAuthorization(added));
	}

	@Test
	void theSameRequestAtTheSameInstantGetsTheSameSignatureAndAnotherBodyAnother() {
		BedrockSigner signer = new BedrockSigner(BedrockSigner.SIGNING_NAME, "eu-west-3",
				AwsCredentialsIdentity.create("AKIDEXAMPLE", "secretExampleKey"), CLOCK);
		Map<String, String> headers = Map.of("Content-Type", "application/json");

		Map<String, String> first = signer.sign("POST", CONVERSE_URL, headers, BODY);
		Map<String, String> second = signer.sign("POST", CONVERSE_URL, headers, BODY);
		Map<String, String> otherBody = signer.sign("POST", CONVERSE_URL, headers, "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(second).isEqualTo(first);
		assertThat(first.get("Authorization"))
			.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260314/eu-west-3/bedrock/aws4_request, ");
		assertThat(first).doesNotContainKey("X-Amz-Security-Token");
		assertThat(otherBody.get("Authorization")).isNotEqualTo(first.get("Authorization"));
	}

	@Test
	void thePublicConstructorSignsForBedrock() {
		Map<String, String> added = new BedrockSigner("us-west-2", "AKIDEXAMPLE", "secretExampleKey", null)
			.sign("POST", CONVERSE_URL, Map.of(), BODY);

		assertThat(added.get("Authorization")).matches(
				"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/us-west-2/bedrock/aws4_request, .*");
	}

	@Test
	void theDefaultBaseUrlIsTheRegionalRuntimeEndpoint() {
		assertThat(BedrockSigner.defaultBaseUrl("eu-central-1"))
			.isEqualTo("https://bedrock-runtime.eu-central-1.amazonaws.com");
		assertThatThrownBy(() -> BedrockSigner.defaultBaseUrl("evil.example.com/"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * SigV4 worked out step by step as the AWS documentation describes it, for every service but S3:
	 * the canonical URI encodes each already-encoded path segment once more, so the ARN's
	 * {@code %3A} is signed as {@code %253A}.
	 */
	private static String expectedAuthorization(Map<String, String> added) throws GeneralSecurityException {
		String amzDate = added.get("X-Amz-Date");
		String date = amzDate.substring(0, 8);
		String payloadHash = hex(MessageDigest.getInstance("SHA-256").digest(BODY));
		String signedHeaders = "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
		String canonicalRequest = String.join("\n", "POST", CONVERSE_URL.getRawPath().replace("%", "%25"), "",
				"content-type:application/json", "host:bedrock-runtime.us-east-1.amazonaws.com",
				"x-amz-content-sha256:" + payloadHash, "x-amz-date:" + amzDate,
				"x-amz-security-token:sessionTokenExample", "", signedHeaders, payloadHash);
		String scope = date + "/us-east-1/bedrock/aws4_request";
		String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
				hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
		byte[] key = hmac(("AWS4secretExampleKey").getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, "us-east-1");
		key = hmac(key, "bedrock");
		key = hmac(key, "aws4_request");
		return "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEKEYID/" + scope + ", SignedHeaders=" + signedHeaders
				+ ", Signature=" + hex(hmac(key, stringToSign));
	}

	private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
