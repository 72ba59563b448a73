package dev.meridian.gateway;

import dev.meridian.MeridianApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be used stops the start with a message that says why. */
class DatabaseStartupFailureTest {

	@Test
	void aMalformedDatabaseUrlIsNamedWithoutItsPassword() {
		assertThatThrownBy(() -> start("--meridian.database.url=mysql://root:hunter2@localhost/db"))
			.rootCause()
			.hasMessageContaining("meridian.database.url")
			.hasMessageContaining("postgresql://")
			.hasMessageNotContaining("hunter2");
	}

	@Test
	void anUnreachableDatabaseFailsTheStart() {
		assertThatThrownBy(() -> start("--meridian.database.url=postgresql://postgres@127.0.0.1:1/nowhere"))
			.hasStackTraceContaining("Connection to 127.0.0.1:1 refused")
			.rootCause()
			.hasMessageContaining("Connection refused");
	}

	private static void start(String databaseUrl) {
		new SpringApplicationBuilder(MeridianApplication.class).run("--server.port=0", "--meridian.config=/nonexistent.yaml",
				databaseUrl).close();
	}

}
