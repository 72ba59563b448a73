package dev.meridian.gateway.proxy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.routing.Deployment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** The {@code x-meridian-*} response headers, and the headers every relayed stream carries. */
final class MeridianHeaders {

	static final String REQUEST_ID = "x-meridian-request-id";

	static final String MODEL = "x-meridian-model";

	static final String PROVIDER = "x-meridian-provider";

	static final String OVERHEAD_MS = "x-meridian-overhead-ms";

	static final String COST_USD = "x-meridian-cost-usd";

	/** How many fallback models the request moved on to (as LiteLLM's {@code x-litellm-attempted-fallbacks}). */
	static final String ATTEMPTED_FALLBACKS = "x-meridian-attempted-fallbacks";

	/** Request header: a shorter total timeout for this request than the model's. */
	static final String TIMEOUT = "x-meridian-timeout";
	/** The smart-routing tier that chose the model. */
	static final String ROUTE_TIER = "x-meridian-route-tier";

	private MeridianHeaders() {
	}

	static void served(HttpHeaders headers, Deployment deployment, long overheadNanos) {
		headers.set(MODEL, deployment.upstreamModel());
		headers.set(PROVIDER, deployment.provider().id());
		headers.set(OVERHEAD_MS, milliseconds(overheadNanos));
	}

	/** Only when both the usage and the deployment's price are known. */
	static void cost(HttpHeaders headers, Deployment deployment, @Nullable Usage usage) {
		if (deployment.price() == null || usage == null) {
			return;
		}
		double cost = deployment.price().cost(usage);
		headers.set(COST_USD, BigDecimal.valueOf(cost).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros()
			.toPlainString());
	}

	static void stream(HttpHeaders headers, String contentType) {
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
		// Tells reverse proxies such as nginx not to buffer the stream either.
		headers.set("x-accel-buffering", "no");
	}

	/** Milliseconds with two decimals, e.g. {@code 0.42}. */
	static String milliseconds(long nanos) {
		long hundredths = Math.max(0, (nanos + 5_000) / 10_000);
		long fraction = hundredths % 100;
		return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
	}

}
