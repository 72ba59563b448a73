package dev.meridian.gateway.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogLoaderTest {

	@TempDir
	Path dir;

	@Test
	void anOperatorFileReplacesAndAddsEntriesModelByModel() throws IOException {
		Path file = write("""
				openai:
				  gpt-4o-mini: { input: 0.10, output: 0.40 }
				  my-fine-tune: { input: 0.30, output: 1.20, context_window: 128000 }
				openai_compatible:
				  llama-3.3-70b: { input: 0.05, output: 0.05 }
				""");

		ModelCatalog catalog = ModelCatalogLoader.load(file);

		CatalogEntry replaced = catalog.find("openai", "gpt-4o-mini").orElseThrow();
		assertThat(replaced.pricing()).isEqualTo(new ModelPricing(0.10, 0.40, null, null));
		assertThat(replaced.limits()).isEqualTo(new ModelLimits(null, null));
		assertThat(catalog.find("openai", "my-fine-tune").orElseThrow().limits().contextWindow()).isEqualTo(128000);
		assertThat(catalog.find("openai_compatible", "llama-3.3-70b")).isPresent();
		assertThat(catalog.find("openai", "gpt-4o").orElseThrow().pricing().inputPerMtok()).isEqualTo(2.50);
		assertThat(catalog.find("anthropic", "claude-sonnet-4-5")).isPresent();
	}

	@Test
	void anOperatorEntryReplacesTheShippedOneWhateverItsCase() throws IOException {
		ModelCatalog catalog = ModelCatalogLoader.load(write("openai:\n  GPT-4o: { input: 2.00 }\n"));

		assertThat(catalog.find("openai", "gpt-4o").orElseThrow().pricing())
			.isEqualTo(new ModelPricing(2.00, null, null, null));
	}

	@Test
	void anEmptyOperatorFileChangesNothing() throws IOException {
		assertThat(ModelCatalogLoader.load(write("# nothing yet\n")).entries())
			.isEqualTo(ModelCatalogLoader.load(null).entries());
	}

	@Test
	void everyProblemIsReportedWithTheFileAndTheModel() throws IOException {
		Path file = write("""
				openai:
				  gpt-4o-mini: { input: -0.15, output: 0.60 }
				  gpt-4o: { input: 2.50, outptu: 10.00 }
				  o3: { input: "two", context_window: 200000.5 }
				  o4-mini: {}
				  o1: 15
				""");

		assertThatThrownBy(() -> ModelCatalogLoader.load(file)).isInstanceOfSatisfying(InvalidModelCatalogException.class,
				ex -> {
					assertThat(ex.getMessage()).contains(file.toString());
					assertThat(ex.problems()).containsExactly(
							"openai, model \"gpt-4o-mini\": input must be a price of zero or more USD per million tokens, not -0.15",
							"openai, model \"gpt-4o\": unknown field \"outptu\" (known: input, output, cached_input, cache_write, context_window, max_output)",
							"openai, model \"o3\": input must be a price of zero or more USD per million tokens, not \"two\"",
							"openai, model \"o3\": context_window must be a whole number of tokens above zero, not 200000.5",
							"openai, model \"o4-mini\": must give at least one of input, output, cached_input, cache_write, context_window, max_output",
							"openai, model \"o1\": must give at least one of input, output, cached_input, cache_write, context_window, max_output");
				});
	}

	@Test
	void aModelListedTwiceInOneFileIsRejected() throws IOException {
		Path sameKey = write("openai:\n  gpt-4o: { input: 1 }\n  gpt-4o: { input: 2 }\n");
		Path sameIdOtherCase = write("openai:\n  gpt-4o: { input: 1 }\n  GPT-4o: { input: 2 }\n");

		assertThatThrownBy(() -> ModelCatalogLoader.load(sameKey)).isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining("gpt-4o");
		assertThatThrownBy(() -> ModelCatalogLoader.load(sameIdOtherCase))
			.isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining("openai, model \"GPT-4o\": listed twice");
	}

	@Test
	void aDocumentOfTheWrongShapeIsRejected() throws IOException {
		assertThatThrownBy(() -> ModelCatalogLoader.load(write("- openai\n")))
			.isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining("the document must map provider types to their models");
		assertThatThrownBy(() -> ModelCatalogLoader.load(write("openai: [gpt-4o]\n")))
			.isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining("openai: must map model ids to their prices and limits");
		assertThatThrownBy(() -> ModelCatalogLoader.load(write("OpenAI:\n  gpt-4o: { input: 1 }\n")))
			.isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining("provider type \"OpenAI\" must be written as in the routing configuration");
	}

	@Test
	void malformedYamlIsReportedWithItsLocation() throws IOException {
		Path file = write("openai:\n  gpt-4o: { input: 2.5, output: 10\n");

		assertThatThrownBy(() -> ModelCatalogLoader.load(file)).isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("line ");
	}

	@Test
	void aMissingOperatorFileIsAnError() {
		Path missing = dir.resolve("missing.yaml");

		assertThatThrownBy(() -> ModelCatalogLoader.load(missing)).isInstanceOf(InvalidModelCatalogException.class)
			.hasMessageContaining(missing.toString())
			.hasMessageContaining("the file does not exist");
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(Files.createTempFile(dir, "catalog", ".yaml"), yaml);
	}

}
