package dev.meridian.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseCoordinatesTest {

	@Test
	void readsEveryPartOfAPostgresqlUrl() {
		DatabaseCoordinates coordinates = DatabaseCoordinates.parse("postgresql://meridian:p%40ss%3Aword@db.internal:6543/gateway");

		assertThat(coordinates).isEqualTo(new DatabaseCoordinates("db.internal", 6543, "gateway", "meridian", "p@ss:word"));
		assertThat(coordinates.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/gateway");
		assertThat(coordinates.describe()).isEqualTo("postgresql://meridian@db.internal:6543/gateway").doesNotContain("word");
	}

	@Test
	void defaultsAsLibpqDoes() {
		assertThat(DatabaseCoordinates.parse("postgres://localhost"))
			.isEqualTo(new DatabaseCoordinates("localhost", 5432, "postgres", "postgres", ""));
		assertThat(DatabaseCoordinates.parse("jdbc:postgresql://app@localhost/").database()).isEqualTo("app");
	}

	@Test
	void rejectsWhatIsNotAPostgresqlUrlWithoutShowingThePassword() {
		assertThatThrownBy(() -> DatabaseCoordinates.parse("mysql://root:secret@localhost/db"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("postgresql://")
			.hasMessageNotContaining("secret");
		assertThatThrownBy(() -> DatabaseCoordinates.parse("postgresql:///nohost")).hasMessageContaining("no host");
	}

}
