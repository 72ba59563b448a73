package dev.meridian.gateway.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The ids under which a requested model may be listed, most specific first. Clients and configurations
 * name models by dated snapshot, by alias or with a provider's routing prefix, while the catalog lists
 * each model once or twice; a snapshot is priced as its alias until the catalog lists it on its own.
 */
final class ModelIdVariants {

	/** Gemini's REST paths name models as {@code models/gemini-2.5-pro}. */
	private static final String GEMINI_PREFIX = "models/";

	/** Bedrock's cross-region inference profiles: {@code us.anthropic.claude-...}, {@code global....}. */
	private static final Pattern CROSS_REGION_PREFIX = Pattern.compile("^(?:us|eu|apac|global)\\.(?=[^.]+\\.)");

	/** Stripped one at a time from the end, so that {@code ...-20241022-v1:0} loses its revision, then its date. */
	private static final List<Pattern> SUFFIXES = List.of(
			// Bedrock model revision: anthropic.claude-3-5-haiku-20241022-v1:0
			Pattern.compile(":\\d+$"),
			Pattern.compile("-latest$"),
			// OpenAI snapshot: gpt-4o-mini-2024-07-18
			Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$"),
			// Anthropic snapshot: claude-sonnet-4-20250514
			Pattern.compile("-\\d{8}$"),
			// Gemini version (gemini-2.0-flash-001), older OpenAI (gpt-3.5-turbo-0125), Mistral (mistral-large-2411)
			Pattern.compile("-\\d{3,4}$"));

	private ModelIdVariants() {
	}

	/**
	 * The requested id as given, then without its prefixes, then with one suffix more stripped at each
	 * step, each stripped id followed by its {@code -latest} alias. Ids are compared in lower case.
	 */
	static List<String> of(String modelId) {
		String id = normalize(modelId);
		Set<String> variants = new LinkedHashSet<>();
		variants.add(id);
		String unprefixed = withoutPrefixes(id);
		variants.add(unprefixed);
		for (String stripped = withoutOneSuffix(unprefixed); stripped != null; stripped = withoutOneSuffix(stripped)) {
			variants.add(stripped);
			variants.add(stripped + "-latest");
		}
		return List.copyOf(variants);
	}

	/** The id with every prefix and suffix stripped: what a snapshot and its aliases have in common. */
	static String family(String modelId) {
		String current = withoutPrefixes(normalize(modelId));
		for (String stripped = withoutOneSuffix(current); stripped != null; stripped = withoutOneSuffix(stripped)) {
			current = stripped;
		}
		return current;
	}

	/** Whether the id names a Bedrock cross-region profile, such as {@code global.anthropic.claude-...}. */
	static boolean isCrossRegionProfile(String modelId) {
		return CROSS_REGION_PREFIX.matcher(normalize(modelId)).find();
	}

	static String normalize(String modelId) {
		return modelId.strip().toLowerCase(Locale.ROOT);
	}

	private static String withoutPrefixes(String id) {
		String withoutGemini = id.startsWith(GEMINI_PREFIX) ? id.substring(GEMINI_PREFIX.length()) : id;
		return CROSS_REGION_PREFIX.matcher(withoutGemini).replaceFirst("");
	}

	private static @Nullable String withoutOneSuffix(String id) {
		for (Pattern suffix : SUFFIXES) {
			Matcher matcher = suffix.matcher(id);
			if (matcher.find() && matcher.start() > 0) {
				return id.substring(0, matcher.start());
			}
		}
		return null;
	}

}
