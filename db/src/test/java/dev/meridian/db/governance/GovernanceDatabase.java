package dev.meridian.db.governance;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.TestDatabases;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application context with the governance stores on a fresh, migrated PostgreSQL database. */
final class GovernanceDatabase {

	private GovernanceDatabase() {
	}

	static ApplicationContextRunner fresh() {
		return new ApplicationContextRunner()
			.withUserConfiguration(DatabaseConfiguration.class, TeamRepository.class, VirtualKeyRepository.class,
					UserRepository.class, AuditLogRepository.class, ProviderCredentialRepository.class,
					CredentialCipher.class, ProviderCredentials.class)
			.withPropertyValues("meridian.database.url=" + TestDatabases.freshDatabaseUrl());
	}

}
