package dev.meridian.db;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is: {@code meridian.database.url} names an external PostgreSQL; without it an
 * embedded PostgreSQL keeps its files in {@code meridian.data-dir}.
 */
@ConfigurationProperties("meridian")
public record DatabaseProperties(@DefaultValue Database database, @DefaultValue("./data") Path dataDir) {

	public record Database(@Nullable String url) {
	}

}
