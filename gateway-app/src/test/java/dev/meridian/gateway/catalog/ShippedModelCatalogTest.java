package dev.meridian.gateway.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedModelCatalogTest {

	private final ModelCatalog catalog = ModelCatalogLoader.load(null);

	@Test
	void coversEveryProviderTheGatewayPricesOutOfTheBox() {
		assertThat(catalog.entries()).containsOnlyKeys("openai", "anthropic", "gemini", "bedrock", "mistral", "groq",
				"together", "xai", "cerebras");
	}

	@Test
	void everyEntryHasAnInputPriceAndSaneLimits() {
		catalog.entries().forEach((providerType, models) -> models.forEach((modelId, entry) -> {
			String where = providerType + " " + modelId;
			ModelPricing pricing = entry.pricing();
			assertThat(pricing.inputPerMtok()).as(where).isNotNull().isPositive();
			if (pricing.cachedInputPerMtok() != null) {
				assertThat(pricing.cachedInputPerMtok()).as(where).isLessThan(pricing.inputPerMtok());
			}
			if (pricing.cacheWritePerMtok() != null) {
				assertThat(pricing.cacheWritePerMtok()).as(where).isGreaterThan(pricing.inputPerMtok());
			}
			ModelLimits limits = entry.limits();
			if (limits.contextWindow() != null && limits.maxOutput() != null) {
				assertThat(limits.maxOutput()).as(where).isLessThanOrEqualTo(limits.contextWindow());
			}
		}));
	}

	@Test
	void knowsTheListedPrices() {
		assertThat(pricing("openai", "gpt-4o-mini")).isEqualTo(new ModelPricing(0.15, 0.60, 0.075, null));
		assertThat(pricing("openai", "gpt-4.1")).isEqualTo(new ModelPricing(2.00, 8.00, 0.50, null));
		assertThat(pricing("openai", "text-embedding-3-small")).isEqualTo(new ModelPricing(0.02, null, null, null));
		assertThat(pricing("anthropic", "claude-sonnet-4-5")).isEqualTo(new ModelPricing(3.00, 15.00, 0.30, 3.75));
		assertThat(pricing("anthropic", "claude-opus-4-1-20250805")).isEqualTo(new ModelPricing(15.00, 75.00, 1.50, 18.75));
		assertThat(pricing("gemini", "gemini-2.5-pro")).isEqualTo(new ModelPricing(1.25, 10.00, 0.125, null));
		assertThat(pricing("xai", "grok-3-mini")).isEqualTo(new ModelPricing(0.30, 0.50, 0.075, null));
		assertThat(catalog.find("gemini", "gemini-2.5-flash").orElseThrow().limits())
			.isEqualTo(new ModelLimits(1048576, 65536));
	}

	@Test
	void anthropicModelsAreListedUnderTheirDatedIdsAndTheirAliases() {
		Map<String, String> aliases = Map.of("claude-3-5-haiku-20241022", "claude-3-5-haiku-latest",
				"claude-3-7-sonnet-20250219", "claude-3-7-sonnet-latest", "claude-sonnet-4-20250514", "claude-sonnet-4-0",
				"claude-opus-4-20250514", "claude-opus-4-0", "claude-opus-4-1-20250805", "claude-opus-4-1",
				"claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "claude-haiku-4-5-20251001", "claude-haiku-4-5");
		Map<String, CatalogEntry> anthropic = catalog.entries().get("anthropic");

		aliases.forEach((dated, alias) -> assertThat(anthropic.get(alias)).as(alias).isEqualTo(anthropic.get(dated)));
	}

	@Test
	void findsModelsByTheIdsClientsSend() {
		assertThat(pricing("openai", "gpt-4o-mini-2024-07-18")).isEqualTo(pricing("openai", "gpt-4o-mini"));
		assertThat(pricing("openai", "gpt-4o-2024-05-13").inputPerMtok()).isEqualTo(5.00);
		assertThat(pricing("openai", "gpt-4o-2024-11-20").inputPerMtok()).isEqualTo(2.50);
		assertThat(pricing("azure_openai", "gpt-4o-mini")).isEqualTo(pricing("openai", "gpt-4o-mini"));
		assertThat(pricing("gemini", "models/gemini-2.0-flash-001").inputPerMtok()).isEqualTo(0.10);
		assertThat(pricing("bedrock", "us.anthropic.claude-3-5-haiku-20241022-v1:0").inputPerMtok()).isEqualTo(0.80);
	}

	@Test
	void bedrockChargesTheRegionalPremiumOutsideTheGlobalProfile() {
		String sonnet = "anthropic.claude-sonnet-4-5-20250929-v1:0";

		assertThat(pricing("bedrock", "global." + sonnet).inputPerMtok()).isEqualTo(3.00);
		assertThat(pricing("bedrock", "us." + sonnet).inputPerMtok()).isEqualTo(3.30);
		assertThat(pricing("bedrock", sonnet).outputPerMtok()).isEqualTo(16.50);
	}

	private ModelPricing pricing(String providerType, String modelId) {
		return catalog.find(providerType, modelId).orElseThrow().pricing();
	}

}
