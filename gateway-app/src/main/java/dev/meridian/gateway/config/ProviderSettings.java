package dev.meridian.gateway.config;

import org.jspecify.annotations.Nullable;

/**
 * One entry under {@code providers}: where a provider is and how to authenticate to it. Which
 * fields apply depends on {@code type}; {@code base_url} defaults per type.
 *
 * @param azureAdToken a Microsoft Entra ID access token, sent instead of Azure's {@code api-key}
 */
public record ProviderSettings(@Nullable String type, @Nullable String baseUrl, @Nullable String apiKey,
		@Nullable String apiVersion, @Nullable String azureAdToken, @Nullable String region,
		@Nullable String awsAccessKeyId, @Nullable String awsSecretAccessKey, @Nullable String awsSessionToken) {
}
