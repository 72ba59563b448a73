package dev.meridian.gateway.metrics;

import dev.meridian.gateway.json.Usage;
import org.jspecify.annotations.Nullable;

/**
 * What one client request came to, recorded once it has ended.
 *
 * @param model the model name the client asked for ({@code unknown} when not configured)
 * @param provider the provider that served it ({@code none} when no provider was called)
 * @param status the HTTP status the client got; 499 when the client went away first
 * @param firstTokenNanos time to the first streamed event, or -1 for answers that were not streamed
 * @param costUsd null when usage or price is unknown
 * @param routeTier the smart-routing tier that chose the model; null when the request was not smart-routed
 * @param baselineCostUsd what the same usage would have cost at the smart-routing baseline's price; null
 * when not smart-routed, or usage or that price is unknown
 */
public record RequestOutcome(String operation, String model, String provider, int status, long durationNanos,
		long overheadNanos, long firstTokenNanos, @Nullable Usage usage, @Nullable Double costUsd,
		@Nullable String routeTier, @Nullable Double baselineCostUsd) {
}
