package dev.meridian.gateway.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.meridian.gateway.json.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Records each request's outcome under the metric names operators query
 * ({@code meridian_requests_total}, {@code meridian_request_duration_seconds}, ...), plus token usage
 * under the OpenTelemetry GenAI name {@code gen_ai.client.token.usage}. Meters are looked up once
 * per model and provider and then reused, so recording costs a map lookup and a few adds.
 */
@Component
public class GatewayMetrics {

	/** The team tag of requests sent with the master key or a key without a team. */
	public static final String NO_TEAM = "none";

	private final MeterRegistry registry;

	private final Timer overhead;

	private final Map<String, ModelMeters> byModel = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Counter>> attempts = new ConcurrentHashMap<>();

	private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();

	private final SmartRouteMeters smartRoutes;

	public GatewayMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.overhead = Timer.builder("meridian.overhead")
			.description("Time the gateway adds to a request, outside the provider's own time")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1).dividedBy(20))
			.maximumExpectedValue(Duration.ofSeconds(1))
			.register(registry);
		this.smartRoutes = new SmartRouteMeters(registry);
	}

	public void record(RequestOutcome outcome) {
		ModelMeters meters = byModel.computeIfAbsent(outcome.model() + '\n' + outcome.provider(),
				key -> new ModelMeters(registry, outcome.model(), outcome.provider()));
		meters.requests(outcome.status()).increment();
		meters.duration.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
		if (outcome.overheadNanos() >= 0) {
			overhead.record(outcome.overheadNanos(), TimeUnit.NANOSECONDS);
		}
		if (outcome.firstTokenNanos() >= 0) {
			meters.firstToken.record(outcome.firstTokenNanos(), TimeUnit.NANOSECONDS);
		}
		Usage usage = outcome.usage();
		if (usage != null) {
			meters.inputTokens.increment(usage.promptTokens());
			meters.outputTokens.increment(usage.completionTokens());
			meters.cachedTokens.increment(usage.cachedTokens());
			meters.genAiInput.record(usage.promptTokens());
			meters.genAiOutput.record(usage.completionTokens());
		}
		if (outcome.costUsd() != null) {
			meters.cost(outcome.team()).increment(outcome.costUsd());
		}
		smartRoutes.record(outcome);
	}

	/**
	 * One upstream attempt of a request, as {@code meridian_upstream_attempts_total{deployment,result}};
	 * a request with retries or fallbacks makes several.
	 * @param result {@code success}, {@code rate_limited}, {@code server_error}, {@code timeout},
	 * {@code unreachable}, {@code rejected} (the provider refused the request) or {@code cancelled}
	 */
	public void attempt(String deployment, String result) {
		Map<String, Counter> byResult = attempts.get(deployment);
		if (byResult == null) {
			byResult = attempts.computeIfAbsent(deployment, key -> new ConcurrentHashMap<>());
		}
		Counter counter = byResult.get(result);
		if (counter == null) {
			counter = byResult.computeIfAbsent(result, key -> Counter.builder("meridian.upstream.attempts")
				.description("Upstream attempts by deployment and result; retries and fallbacks make several per request")
				.tags("deployment", deployment, "result", result)
				.register(registry));
		}
		counter.increment();
	}

	/**
	 * A request moved on from a model to the next of its fallback chain, as
	 * {@code meridian_fallbacks_total{model,fallback_model,reason}}.
	 * @param reason {@code error}, {@code context_window} or {@code content_policy}
	 */
	public void fallback(String model, String fallbackModel, String reason) {
		fallbacks.computeIfAbsent(model + '\n' + fallbackModel + '\n' + reason, key -> Counter.builder("meridian.fallbacks")
			.description("Requests that moved on to a fallback model, by requested model, fallback model and reason")
			.tags("model", model, "fallback_model", fallbackModel, "reason", reason)
			.register(registry)).increment();
	}

	private static final class ModelMeters {

		private final MeterRegistry registry;

		private final String model;

		private final String provider;

		private final Map<Integer, Counter> requestsByStatus = new ConcurrentHashMap<>();

		private final Map<String, Counter> costByTeam = new ConcurrentHashMap<>();

		final Timer duration;

		final Timer firstToken;

		final Counter inputTokens;

		final Counter outputTokens;

		final Counter cachedTokens;

		final DistributionSummary genAiInput;

		final DistributionSummary genAiOutput;

		ModelMeters(MeterRegistry registry, String model, String provider) {
			this.registry = registry;
			this.model = model;
			this.provider = provider;
			this.duration = Timer.builder("meridian.request.duration")
				.description("Whole request time as the client sees it, stream included")
				.tags("model", model, "provider", provider)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofMinutes(10))
				.register(registry);
			this.firstToken = Timer.builder("meridian.time.to.first.token")
				.description("Time from the request to the first streamed event reaching the client")
				.tags("model", model, "provider", provider)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofMinutes(5))
				.register(registry);
			this.inputTokens = tokens("input");
			this.outputTokens = tokens("output");
			this.cachedTokens = tokens("cached");
			this.genAiInput = genAiTokens("input");
			this.genAiOutput = genAiTokens("output");
		}

		Counter cost(String team) {
			return costByTeam.computeIfAbsent(team, name -> Counter.builder("meridian.cost.usd")
				.description("Spend in USD at the configured prices")
				.tags("model", model, "team", name)
				.register(registry));
		}

		Counter requests(int status) {
			return requestsByStatus.computeIfAbsent(status, code -> Counter.builder("meridian.requests")
				.description("Client requests by requested model, serving provider and HTTP status")
				.tags("model", model, "provider", provider, "status", Integer.toString(code))
				.register(registry));
		}

		private Counter tokens(String type) {
			return Counter.builder("meridian.tokens")
				.description("Tokens reported by providers")
				.tags("type", type, "model", model)
				.register(registry);
		}

		private DistributionSummary genAiTokens(String type) {
			return DistributionSummary.builder("gen_ai.client.token.usage")
				.description("Tokens used per request (OpenTelemetry GenAI semantic convention)")
				.tags("gen_ai.token.type", type, "gen_ai.request.model", model, "gen_ai.provider.name", provider)
				.register(registry);
		}

	}

}
