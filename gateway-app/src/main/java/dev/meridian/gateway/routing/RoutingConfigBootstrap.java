package dev.meridian.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.meridian.db.Sha256;
import dev.meridian.db.governance.ProviderCredentials;
import dev.meridian.db.routing.RoutingConfigRepository;
import dev.meridian.db.routing.RoutingConfigVersion;
import dev.meridian.gateway.GatewayProperties;
import dev.meridian.gateway.catalog.ModelCatalog;
import dev.meridian.gateway.catalog.ModelCatalogLoader;
import dev.meridian.gateway.config.RoutingConfigParser;
import dev.meridian.gateway.provider.Provider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads the routing configuration before the server accepts requests. The file seeds the database:
 * when its content differs from the last version imported from the file, it is validated and stored
 * as a new version. The newest stored version, wherever it came from, is then put in force, so an
 * edit made in the console survives a restart with an unchanged file.
 */
@Component
public class RoutingConfigBootstrap implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(RoutingConfigBootstrap.class);

	static final String FILE_SOURCE = "file";

	private static final Duration DATABASE_WAIT = Duration.ofSeconds(60);

	private final GatewayProperties properties;

	private final RoutingConfigRepository repository;

	private final ActiveRoutingTable activeTable;

	private final ProviderCredentials credentials;

	private final ModelCatalog catalog;

	public RoutingConfigBootstrap(GatewayProperties properties, RoutingConfigRepository repository,
			ActiveRoutingTable activeTable, ProviderCredentials credentials) {
		this.properties = properties;
		this.repository = repository;
		this.activeTable = activeTable;
		this.credentials = credentials;
		this.catalog = ModelCatalogLoader.load(properties.catalogFile());
	}

	@Override
	public synchronized void afterPropertiesSet() {
		Path file = properties.config();
		String fileContent = read(file);
		RoutingConfigParser parser = RoutingConfigParser
			.withCredentials(credentials.decryptAll().blockOptional(DATABASE_WAIT).orElse(Map.of()));
		RoutingTable imported = null;
		if (fileContent != null) {
			imported = importIfChanged(file, fileContent, parser);
		}
		else {
			log.info("No configuration file at {}; using the stored configuration, if any", file.toAbsolutePath());
		}
		RoutingConfigVersion latest = repository.latest().block(DATABASE_WAIT);
		RoutingTable table = imported;
		// Another replica may have stored a newer version meanwhile: the newest one wins.
		if (latest != null && (imported == null || imported.version() != latest.version())) {
			if (imported != null) {
				imported.providers().values().forEach(p -> p.close());
			}
			table = build(latest, parser);
		}
		activeTable.replace(table == null ? RoutingTable.EMPTY : table);
		RoutingTable inForce = activeTable.get();
		log.info("Routing configuration version {} in force: {} models, {} providers", inForce.version(),
				inForce.groups().size(), inForce.providers().size());
	}

	/**
	 * Puts a stored version in force if it is newer than the one in force, or rebuilds the one in
	 * force when the stored credentials it may refer to have changed.
	 *
	 * @param storedCredentials what {@code ${credential:NAME}} placeholders resolve to
	 * @throws dev.meridian.gateway.config.InvalidRoutingConfigException when it does not build (the
	 * table in force stays)
	 */
	public synchronized void activate(RoutingConfigVersion version, Map<String, String> storedCredentials,
			boolean credentialsChanged) {
		int inForce = activeTable.get().version();
		if (version.version() < inForce || (version.version() == inForce && !credentialsChanged)) {
			return;
		}
		activeTable.replace(build(version, RoutingConfigParser.withCredentials(storedCredentials)));
		log.info("Routing configuration version {} in force: {} models, {} providers", version.version(),
				activeTable.get().groups().size(), activeTable.get().providers().size());
	}

	/**
	 * Builds a table from the document and throws it away, closing its connection pools.
	 *
	 * @throws dev.meridian.gateway.config.InvalidRoutingConfigException listing every problem
	 */
	void check(String document) {
		// Credentials do not change whether a document is valid: an unknown one resolves to "".
		RoutingTable table = RoutingTableFactory.build(RoutingConfigParser.withCredentials(Map.of())
			.parse(document, "the new configuration"), 0, "the new configuration", catalog, new DeploymentStates());
		table.providers().values().forEach(Provider::close);
	}

	private RoutingTable build(RoutingConfigVersion version, RoutingConfigParser parser) {
		String source = "configuration version " + version.version();
		return RoutingTableFactory.build(parser.parse(version.content(), source), version.version(), source, catalog,
				activeTable.states(), activeTable.get().providers());
	}

	/** @return the table built from the file when it was stored as a new version, else null */
	private @Nullable RoutingTable importIfChanged(Path file, String content, RoutingConfigParser parser) {
		String sha = Sha256.hex(content);
		RoutingConfigVersion lastImport = repository.latestFrom(FILE_SOURCE).block(DATABASE_WAIT);
		if (lastImport != null && lastImport.contentSha256().equals(sha)) {
			return null;
		}
		String source = file.toString();
		// Built before storing, so that a broken file never becomes a version.
		RoutingTable table = RoutingTableFactory.build(parser.parse(content, source), 0, source, catalog,
				activeTable.states());
		RoutingConfigVersion stored = repository.append(content, sha, FILE_SOURCE, null).block(DATABASE_WAIT);
		if (stored == null) {
			throw new IllegalStateException("Storing the configuration from " + file + " returned nothing");
		}
		log.info("Imported {} as routing configuration version {}", file.toAbsolutePath(), stored.version());
		return table.withVersion(stored.version());
	}

	private static @Nullable String read(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the configuration file " + file.toAbsolutePath(), ex);
		}
	}

}
