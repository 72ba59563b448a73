package dev.meridian.gateway.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds the catalog from the one shipped inside the gateway and, when the operator names one, their own
 * file in the same format. The operator's entries replace or add to the shipped ones model by model, so
 * that a changed price or a new model needs no release.
 */
public final class ModelCatalogLoader {

	/** Classpath location of the catalog shipped with the gateway. */
	private static final String SHIPPED_CATALOG = "catalog/models.yaml";

	private ModelCatalogLoader() {
	}

	/**
	 * @param overrideFile the operator's catalog file, or null for the shipped catalog alone
	 * @throws InvalidModelCatalogException when a catalog cannot be read or an entry does not fit the format
	 */
	public static ModelCatalog load(@Nullable Path overrideFile) {
		Map<String, Map<String, CatalogEntry>> entries = new LinkedHashMap<>();
		addOrReplace(entries, CatalogFileParser.parse(shippedCatalog(), "classpath:" + SHIPPED_CATALOG));
		if (overrideFile != null) {
			addOrReplace(entries, CatalogFileParser.parse(read(overrideFile), overrideFile.toString()));
		}
		return new ModelCatalog(entries);
	}

	private static void addOrReplace(Map<String, Map<String, CatalogEntry>> entries,
			Map<String, Map<String, CatalogEntry>> overrides) {
		overrides.forEach((providerType, models) -> entries.computeIfAbsent(providerType, type -> new LinkedHashMap<>())
			.putAll(models));
	}

	private static String shippedCatalog() {
		try (InputStream in = ModelCatalogLoader.class.getClassLoader().getResourceAsStream(SHIPPED_CATALOG)) {
			if (in == null) {
				throw new IllegalStateException(SHIPPED_CATALOG + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + SHIPPED_CATALOG, ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidModelCatalogException(file.toString(), List.of("the file does not exist"));
		}
		catch (IOException ex) {
			throw new InvalidModelCatalogException(file.toString(), List.of("the file cannot be read: " + ex));
		}
	}

}
