package dev.meridian.gateway.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

	private static final CatalogEntry MINI = priced(0.15, 0.60);

	private static final CatalogEntry MINI_SNAPSHOT = priced(0.20, 0.80);

	private static final CatalogEntry HAIKU = priced(0.80, 4.00);

	private static final CatalogEntry REGIONAL = priced(3.30, 16.50);

	private static final CatalogEntry GLOBAL = priced(3.00, 15.00);

	private final ModelCatalog catalog = new ModelCatalog(Map.of(
			"openai", Map.of("gpt-4o-mini", MINI, "gpt-4o-mini-2099-01-01", MINI_SNAPSHOT, "o3", priced(2, 8)),
			"anthropic", Map.of("claude-3-5-haiku-20241022", HAIKU, "claude-sonnet-4-5", priced(3, 15)),
			"gemini", Map.of("gemini-2.0-flash", priced(0.10, 0.40)),
			"bedrock", Map.of("anthropic.claude-sonnet-4-5-20250929-v1:0", REGIONAL,
					"global.anthropic.claude-sonnet-4-5-20250929-v1:0", GLOBAL),
			"mistral", Map.of("mistral-large-2411", priced(2, 6), "mistral-large-2512", priced(0.5, 1.5))));

	@Test
	void anExactIdWinsOverEveryVariant() {
		assertThat(catalog.find("openai", "gpt-4o-mini")).contains(MINI);
		assertThat(catalog.find("openai", "gpt-4o-mini-2099-01-01")).contains(MINI_SNAPSHOT);
	}

	@Test
	void aDatedSnapshotIsPricedAsItsAlias() {
		assertThat(catalog.find("openai", "gpt-4o-mini-2024-07-18")).contains(MINI);
		assertThat(catalog.find("openai", "o3-2025-04-16")).contains(priced(2, 8));
		assertThat(catalog.find("anthropic", "claude-sonnet-4-5-20250929")).contains(priced(3, 15));
		assertThat(catalog.find("gemini", "gemini-2.0-flash-001")).contains(priced(0.10, 0.40));
	}

	@Test
	void anAliasFindsTheSnapshotItStandsFor() {
		assertThat(catalog.find("anthropic", "claude-3-5-haiku-latest")).contains(HAIKU);
		assertThat(catalog.find("anthropic", "claude-3-5-haiku")).contains(HAIKU);
	}

	@Test
	void anAliasOfSnapshotsThatDifferInPriceIsNotGuessed() {
		assertThat(catalog.find("mistral", "mistral-large-latest")).isEmpty();
		assertThat(catalog.find("mistral", "mistral-large-2512")).contains(priced(0.5, 1.5));
	}

	@Test
	void geminiModelPathsAreFound() {
		assertThat(catalog.find("gemini", "models/gemini-2.0-flash")).contains(priced(0.10, 0.40));
		assertThat(catalog.find("gemini", "models/gemini-2.0-flash-001")).contains(priced(0.10, 0.40));
	}

	@Test
	void bedrockCrossRegionProfilesArePricedAsTheModelUnlessListedThemselves() {
		assertThat(catalog.find("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")).contains(REGIONAL);
		assertThat(catalog.find("bedrock", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0")).contains(REGIONAL);
		assertThat(catalog.find("bedrock", "apac.anthropic.claude-sonnet-4-5-20250929-v1:0")).contains(REGIONAL);
		assertThat(catalog.find("bedrock", "global.anthropic.claude-sonnet-4-5-20250929-v1:0")).contains(GLOBAL);
		assertThat(catalog.find("bedrock", "anthropic.claude-sonnet-4-5-20250929-v1")).contains(REGIONAL);
	}

	@Test
	void azureOpenAiUsesOpenAiPricesUnlessItsOwnSectionListsTheModel() {
		assertThat(catalog.find("azure_openai", "gpt-4o-mini")).contains(MINI);

		ModelCatalog withAzure = new ModelCatalog(Map.of("openai", Map.of("gpt-4o-mini", MINI), "azure_openai",
				Map.of("gpt-4o-mini", priced(0.165, 0.66))));
		assertThat(withAzure.find("azure_openai", "gpt-4o-mini")).contains(priced(0.165, 0.66));
		assertThat(withAzure.find("azure_openai", "gpt-4o-mini-2024-07-18")).contains(priced(0.165, 0.66));
	}

	@Test
	void otherOpenAiCompatibleProvidersGetNoOpenAiPrices() {
		assertThat(catalog.find("openai_compatible", "gpt-4o-mini")).isEmpty();
		assertThat(catalog.find("openrouter", "gpt-4o-mini")).isEmpty();
		assertThat(catalog.find("vllm", "gpt-4o-mini")).isEmpty();
	}

	@Test
	void idsAndProviderTypesAreMatchedWithoutCase() {
		ModelCatalog together = new ModelCatalog(
				Map.of("together", Map.of("meta-llama/Llama-3.3-70B-Instruct-Turbo", priced(0.88, 0.88))));

		assertThat(together.find("TOGETHER", "meta-llama/llama-3.3-70b-instruct-turbo")).contains(priced(0.88, 0.88));
		assertThat(together.entries().get("together")).containsOnlyKeys("meta-llama/llama-3.3-70b-instruct-turbo");
	}

	@Test
	void unknownModelsAndProvidersAreNotFound() {
		assertThat(catalog.find("openai", "gpt-99")).isEmpty();
		assertThat(catalog.find("anthropic", "gpt-4o-mini")).isEmpty();
		assertThat(catalog.find("ollama", "llama3")).isEmpty();
	}

	@Test
	void aModelListedTwiceIsRejected() {
		assertThatThrownBy(() -> new ModelCatalog(Map.of("openai", Map.of("GPT-4o", MINI, "gpt-4o", MINI))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("twice");
	}

	@Test
	void theCatalogCannotBeChangedThroughItsEntries() {
		assertThatThrownBy(() -> catalog.entries().get("openai").put("gpt-5", MINI))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	static CatalogEntry priced(double input, double output) {
		return new CatalogEntry(new ModelPricing(input, output, null, null), new ModelLimits(null, null));
	}

}
