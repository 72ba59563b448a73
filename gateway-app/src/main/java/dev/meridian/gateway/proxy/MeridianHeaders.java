package dev.meridian.gateway.proxy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.meridian.gateway.routing.Deployment;
import org.springframework.http.HttpHeaders;

/** The {@code x-meridian-*} response headers. */
final class MeridianHeaders {

	static final String REQUEST_ID = "x-meridian-request-id";

	static final String MODEL = "x-meridian-model";

	static final String PROVIDER = "x-meridian-provider";

	static final String OVERHEAD_MS = "x-meridian-overhead-ms";

	static final String COST_USD = "x-meridian-cost-usd";

	private MeridianHeaders() {
	}

	static void served(HttpHeaders headers, Deployment deployment, long overheadNanos) {
		headers.set(MODEL, deployment.upstreamModel());
		headers.set(PROVIDER, deployment.provider().id());
		headers.set(OVERHEAD_MS, milliseconds(overheadNanos));
	}

	static void cost(HttpHeaders headers, double costUsd) {
		headers.set(COST_USD, BigDecimal.valueOf(costUsd).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros()
			.toPlainString());
	}

	/** Milliseconds with two decimals, e.g. {@code 0.42}. */
	static String milliseconds(long nanos) {
		long hundredths = Math.max(0, (nanos + 5_000) / 10_000);
		long fraction = hundredths % 100;
		return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
	}

}
