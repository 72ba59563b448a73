package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What a gateway started by a test needs from the machine: its files, and a port nobody listens on. */
public final class TestGateways {

	private TestGateways() {
	}

	/**
	 * A data directory of its own for each gateway a test starts: gateways on different databases must
	 * not share one, or one would replay the other's spilled ledger rows into its own database.
	 */
	public static String dataDirectory() {
		try {
			return Files.createTempDirectory("meridian-data").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The configuration document in a temporary file, removed when the tests end. */
	public static Path config(String yaml) {
		try {
			Path file = Files.createTempFile("meridian-test-config", ".yaml");
			Files.writeString(file, yaml);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The properties every gateway a test starts needs: its database, its own data directory, its configuration. */
	public static void gatewayProperties(DynamicPropertyRegistry registry, String databaseUrl, String dataDirectory,
			Path config, String masterKey) {
		registry.add("meridian.database.url", () -> databaseUrl);
		registry.add("meridian.data-dir", () -> dataDirectory);
		registry.add("meridian.config", config::toString);
		registry.add("meridian.master-key", () -> masterKey);
	}

	/** A loopback port where nothing listens, for a provider that refuses connections. */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
