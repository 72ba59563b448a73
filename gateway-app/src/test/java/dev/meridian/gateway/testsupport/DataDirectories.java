package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A data directory of its own for each gateway a test starts: gateways on different databases must
 * not share one, or one would replay the other's spilled ledger rows into its own database.
 */
public final class DataDirectories {

	private DataDirectories() {
	}

	public static String fresh() {
		try {
			return Files.createTempDirectory("meridian-data").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
