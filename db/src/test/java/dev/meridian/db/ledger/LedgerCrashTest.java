package dev.meridian.db.ledger;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.meridian.db.DatabaseCoordinates;
import dev.meridian.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.meridian.db.ledger.LedgerRows.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway process killed with SIGKILL while it appends rows: what the writer had stored stays
 * stored, with its rollups; what is lost are only the newest rows, those still in memory, never an
 * older row while a newer one survived.
 */
class LedgerCrashTest {

	private static final Pattern PROGRESS = Pattern.compile("appended=(\\d+) written=(\\d+)");

	@TempDir
	Path dataDir;

	@Test
	void aKilledProcessLosesOnlyItsNewestRows() throws Exception {
		String url = TestDatabases.freshDatabaseUrl();
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LedgerCrashChild.class.getName(), url, dataDir.toString())
			.redirectErrorStream(true)
			.start();
		long written = 0;
		long appended = 0;
		try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while (written < 5_000 && (line = output.readLine()) != null) {
				Matcher progress = PROGRESS.matcher(line);
				if (progress.matches()) {
					appended = Long.parseLong(progress.group(1));
					written = Long.parseLong(progress.group(2));
				}
			}
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			child.destroyForcibly();
		}
		assertThat(written).as("the child reported its progress").isGreaterThanOrEqualTo(5_000);

		DatabaseCoordinates db = DatabaseCoordinates.parse(url);
		long stored = count(db, "SELECT count(*) FROM spend_ledger");
		assertThat(stored).isGreaterThanOrEqualTo(written);
		assertThat(count(db, "SELECT max(request_id::bigint) + 1 FROM spend_ledger"))
			.as("the stored rows are the oldest ones, without a gap").isEqualTo(stored);
		assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).as("rollups match the rows").isEqualTo(stored);
		System.out.printf("killed after %d rows appended as last reported, %d stored%n", appended, stored);
	}

}
