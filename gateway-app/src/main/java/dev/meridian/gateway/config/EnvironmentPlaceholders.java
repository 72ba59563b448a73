package dev.meridian.gateway.config;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in configuration values with environment
 * variables, so that secrets stay out of the file (and out of the stored configuration versions).
 */
final class EnvironmentPlaceholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

	private final UnaryOperator<@Nullable String> environment;

	EnvironmentPlaceholders(UnaryOperator<@Nullable String> environment) {
		this.environment = environment;
	}

	/**
	 * @param where the value's location, for the warning about an unset variable
	 * @param warnings where unset variables without a default are reported; they resolve to ""
	 */
	String resolve(String value, String where, List<String> warnings) {
		if (value.indexOf("${") < 0) {
			return value;
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String fallback = matcher.group(2);
			String replacement = environment.apply(name);
			if (replacement == null) {
				if (fallback == null) {
					warnings.add(where + ": environment variable " + name + " is not set");
				}
				replacement = (fallback != null) ? fallback : "";
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

}
