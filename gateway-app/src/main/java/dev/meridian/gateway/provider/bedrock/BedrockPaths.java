package dev.meridian.gateway.provider.bedrock;

import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Request paths under a Bedrock runtime endpoint. A model id is one path segment even when it is
 * an inference-profile ARN full of ':' and '/', so it is percent-encoded whole, exactly as the AWS
 * SDKs encode a URI label; the signer then encodes the path once more for the canonical request.
 */
final class BedrockPaths {

	private BedrockPaths() {
	}

	static String model(String modelId, String operation) {
		return "/model/" + SdkHttpUtils.urlEncode(modelId) + "/" + operation;
	}

}
