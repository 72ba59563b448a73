package dev.meridian.gateway.config;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code routing.smart} section: requests for {@code model} are sent to the model group of the
 * tier their prompt is classified into. The tuning keys replace defaults key by key.
 *
 * @param model the model name clients send to be smart-routed (default {@code auto})
 * @param tiers tier name ({@code simple}, {@code medium}, {@code complex}, {@code reasoning}) to a
 * configured model name
 * @param baseline a configured model name; savings are measured against its price
 * @param weights feature name to weight
 * @param cues cue kind to the list of words and phrases that replaces its default list
 * @param boundaries {@code medium}, {@code complex}, {@code reasoning} to the score where that tier starts
 */
public record SmartSettings(@Nullable String model, @Nullable Map<String, String> tiers, @Nullable String baseline,
		@Nullable Map<String, Double> weights, @Nullable Map<String, List<String>> cues,
		@Nullable Map<String, Double> boundaries) {
}
