package dev.meridian.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in configuration values with environment
 * variables, so that secrets stay out of the file (and out of the stored configuration versions).
 * <p>
 * Placeholders are swapped for inert tokens before the YAML is parsed, because an unquoted
 * {@code ${VAR}} is not valid YAML inside a flow mapping such as {@code { api_key: ${KEY} }}; the
 * tokens are resolved in the parsed string values afterwards, so that a secret's content can never
 * change the document's structure.
 */
final class EnvironmentPlaceholders {

	/** {@code ${VAR}}, {@code ${VAR:-default}}, and {@code ${credential:NAME}} for a stored provider credential. */
	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\$\\{(credential:[A-Za-z0-9_.-]+|[A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

	private static final Pattern TOKEN = Pattern.compile("__meridian_env_(\\d+)__");

	private record Placeholder(String variable, @Nullable String fallback) {
	}

	private final UnaryOperator<@Nullable String> environment;

	private final List<Placeholder> placeholders = new ArrayList<>();

	EnvironmentPlaceholders(UnaryOperator<@Nullable String> environment) {
		this.environment = environment;
	}

	/** The document with every placeholder replaced by a token that is a plain YAML word. */
	String protect(String yaml) {
		Matcher matcher = PLACEHOLDER.matcher(yaml);
		StringBuilder result = new StringBuilder(yaml.length());
		while (matcher.find()) {
			placeholders.add(new Placeholder(matcher.group(1), matcher.group(2)));
			matcher.appendReplacement(result, "__meridian_env_" + (placeholders.size() - 1) + "__");
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * @param where the value's location, for the warning about an unset variable
	 * @param warnings where unset variables without a default are reported; they resolve to ""
	 */
	String resolve(String value, String where, List<String> warnings) {
		if (!value.contains("__meridian_env_")) {
			return value;
		}
		Matcher matcher = TOKEN.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			Placeholder placeholder = placeholders.get(Integer.parseInt(matcher.group(1)));
			String replacement = environment.apply(placeholder.variable());
			if (replacement == null) {
				if (placeholder.fallback() == null) {
					warnings.add(where + ": " + (placeholder.variable().startsWith(RoutingConfigParser.CREDENTIAL)
							? "no stored credential named " + placeholder.variable().substring(RoutingConfigParser.CREDENTIAL.length())
							: "environment variable " + placeholder.variable() + " is not set"));
				}
				replacement = (placeholder.fallback() != null) ? placeholder.fallback() : "";
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

}
