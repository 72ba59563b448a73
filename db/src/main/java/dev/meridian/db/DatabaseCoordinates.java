package dev.meridian.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;

/**
 * Host, port, database and credentials of a PostgreSQL server, parsed once from
 * {@code postgresql://user:pass@host:5432/db} so that the JDBC URL (Flyway) and the R2DBC
 * connection (everything else) are derived from the same setting.
 */
public record DatabaseCoordinates(String host, int port, String database, String user, String password) {

	private static final int DEFAULT_PORT = 5432;

	/**
	 * Accepts {@code postgresql://}, {@code postgres://} and {@code jdbc:postgresql://} URLs;
	 * the user defaults to {@code postgres} and the database to the user's name, as libpq does.
	 */
	public static DatabaseCoordinates parse(String url) {
		String trimmed = url.strip();
		String withoutJdbc = trimmed.startsWith("jdbc:") ? trimmed.substring(5) : trimmed;
		URI uri;
		try {
			uri = URI.create(withoutJdbc);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(url, "it is not a URL");
		}
		if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
			throw invalid(url, "the scheme must be postgresql://");
		}
		if (uri.getHost() == null) {
			throw invalid(url, "it names no host");
		}
		String user = "postgres";
		String password = "";
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = decode(parts[0]);
			password = parts.length > 1 ? decode(parts[1]) : "";
		}
		String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
		String database = path.isEmpty() ? user : decode(path);
		int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
		return new DatabaseCoordinates(uri.getHost(), port, database, user, password);
	}

	/** An R2DBC connection factory for this database; {@code applicationName} shows in {@code pg_stat_activity}. */
	public PostgresqlConnectionFactory r2dbc(String applicationName) {
		return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(host)
			.port(port)
			.database(database)
			.username(user)
			.password(password)
			.applicationName(applicationName)
			.build());
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** The URL without its password, for logs. */
	public String describe() {
		return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static IllegalArgumentException invalid(String url, String why) {
		String shown = url.replaceAll("://([^:@/]+):[^@/]*@", "://$1:****@");
		return new IllegalArgumentException("meridian.database.url '" + shown + "' is invalid: " + why);
	}

}
