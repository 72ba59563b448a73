package dev.meridian.gateway.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.meridian.gateway.error.FailureKind;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.metrics.GatewayMetrics;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.DeploymentState;
import dev.meridian.gateway.routing.FallbackReason;
import dev.meridian.gateway.routing.GroupPolicy;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * The upstream attempts of one request: picks a deployment of the requested model, retries failures
 * that another attempt may fix, moves on along the model's fallback chains, and records what each
 * attempt told about its deployment.
 * <ul>
 * <li>A failure is retried while the model's {@code retries} last and the response has not started:
 * nothing is retried once a byte reached the client. A retry goes to a deployment the request has
 * not tried when there is one, at once; a retry on a deployment already tried waits an exponential
 * backoff with full jitter, or the provider's {@code retry-after} when that is longer and fits in
 * the time left.</li>
 * <li>When the model's attempts are used up, the request moves on to the next model of its
 * {@code fallbacks}; a prompt too long for the model's context window, or a content-policy
 * refusal, moves on along the context-window or content-policy chain at once. Each fallback model
 * has its own {@code retries}; all of them share the request's one deadline, set by the requested
 * model's {@code timeout} or the shorter {@code x-meridian-timeout}.</li>
 * </ul>
 * The backoff waits on Reactor's timer ({@link Mono#delay}), which runs on its parallel scheduler:
 * it is only ever used after a failure, and only for a deployment already tried, so the request
 * path of a healthy gateway never touches it.
 */
final class RoutedCall {

	private static final Logger log = LoggerFactory.getLogger(RoutedCall.class);

	static final Duration BACKOFF_BASE = Duration.ofMillis(100);

	static final Duration BACKOFF_CAP = Duration.ofSeconds(5);

	/** One upstream attempt: sends the request to the deployment and writes its answer to the client. */
	@FunctionalInterface
	interface Attempt {

		Mono<Void> forward(Deployment deployment, RoutingTable.Timeouts timeouts);

	}

	private final RoutingTable table;

	private final ModelGroup requested;

	private final ServerHttpResponse response;

	private final RequestTrace trace;

	private final GatewayMetrics metrics;

	private final PromptSize prompt;

	private final boolean stream;

	private final Attempt attempt;

	private final long deadline;

	private final List<String> triedModels = new ArrayList<>(2);

	/**
	 * @param timeout the request's own timeout ({@code x-meridian-timeout}); it only shortens the model's
	 * @param stream whether the answer is streamed, so that latency is measured to the first event
	 */
	RoutedCall(RoutingTable table, ModelGroup requested, @Nullable Duration timeout, ServerHttpResponse response,
			RequestTrace trace, GatewayMetrics metrics, byte[] body, boolean stream, Attempt attempt) {
		this.table = table;
		this.requested = requested;
		this.response = response;
		this.trace = trace;
		this.metrics = metrics;
		this.prompt = new PromptSize(body);
		this.stream = stream;
		this.attempt = attempt;
		Duration total = requested.policy().timeouts().total();
		if (timeout != null && timeout.compareTo(total) < 0) {
			total = timeout;
		}
		this.deadline = System.nanoTime() + total.toNanos();
	}

	Mono<Void> run() {
		response.getHeaders().set(MeridianHeaders.ATTEMPTED_FALLBACKS, "0");
		triedModels.add(requested.name());
		long tokens = prompt.against(requested.smallestContextWindow());
		if (!requested.fits(tokens)) {
			return fallBack(FallbackReason.CONTEXT_WINDOW, tooLong(tokens));
		}
		return next(new GroupRun(requested, tokens), null);
	}

	/** What the request has done within one model group. */
	private static final class GroupRun {

		final ModelGroup group;

		final long promptTokens;

		final List<Deployment> tried = new ArrayList<>(2);

		int retries;

		@Nullable Deployment last;

		GroupRun(ModelGroup group, long promptTokens) {
			this.group = group;
			this.promptTokens = promptTokens;
		}

	}

	private Mono<Void> next(GroupRun run, @Nullable GatewayException previous) {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return Mono.error(previous != null ? previous : deadlinePassed());
		}
		Deployment deployment = run.group.choose(run.tried, run.promptTokens);
		if (deployment == null) {
			return fallBack(FallbackReason.ERROR, rateLimited(run.group));
		}
		long wait = 0;
		if (run.tried.contains(deployment)) {
			Duration retryAfter = (previous != null && run.last == deployment) ? previous.retryAfter() : null;
			wait = backoffNanos(run.retries - 1, retryAfter);
			if (wait >= remaining) {
				return fallBack(FallbackReason.ERROR, previous != null ? previous : deadlinePassed());
			}
		}
		else {
			run.tried.add(deployment);
		}
		run.last = deployment;
		Mono<Void> call = Mono.defer(() -> once(run.group.policy(), deployment));
		if (wait > 0) {
			call = Mono.delay(Duration.ofNanos(wait)).then(call);
		}
		return call.onErrorResume(ex -> afterFailure(run, deployment, ex));
	}

	private Mono<Void> once(GroupPolicy policy, Deployment deployment) {
		long start = System.nanoTime();
		long remaining = deadline - start;
		if (remaining <= 0) {
			return Mono.error(deadlinePassed());
		}
		Duration total = Duration.ofNanos(remaining);
		// A timeout that only the request's own deadline caused says nothing about the deployment.
		boolean deadlineBound = total.compareTo(policy.timeouts().firstByte()) < 0;
		Duration firstByte = deadlineBound ? total : policy.timeouts().firstByte();
		trace.routed(requested.name(), deployment);
		DeploymentState state = deployment.state();
		state.started();
		return Mono.defer(() -> attempt.forward(deployment, new RoutingTable.Timeouts(total, firstByte)))
			.doOnSuccess(done -> succeeded(deployment, policy, start))
			.doOnError(ex -> failed(deployment, policy, ex, deadlineBound))
			.doOnCancel(() -> {
				state.ended();
				metrics.attempt(deployment.id(), "cancelled");
			});
	}

	private void succeeded(Deployment deployment, GroupPolicy policy, long start) {
		if (trace.isStreamBroken()) {
			deployment.state().failed(policy.cooldown(), null);
			metrics.attempt(deployment.id(), "unreachable");
			return;
		}
		long firstEvent = trace.firstEventSentNanos();
		long latency = ((stream && firstEvent >= start) ? firstEvent : System.nanoTime()) - start;
		Usage usage = trace.usage();
		deployment.state().succeeded(latency, usage == null ? 0 : usage.promptTokens() + usage.completionTokens());
		metrics.attempt(deployment.id(), "success");
	}

	private void failed(Deployment deployment, GroupPolicy policy, Throwable ex, boolean deadlineBound) {
		if (!(ex instanceof GatewayException error)) {
			deployment.state().ended();
			metrics.attempt(deployment.id(), "rejected");
			return;
		}
		String result = result(error);
		if (FailureKind.of(error) == FailureKind.RETRYABLE && !(deadlineBound && result.equals("timeout"))) {
			deployment.state().failed(policy.cooldown(), error.retryAfter());
		}
		else {
			deployment.state().ended();
		}
		metrics.attempt(deployment.id(), result);
	}

	private Mono<Void> afterFailure(GroupRun run, Deployment deployment, Throwable ex) {
		if (!(ex instanceof GatewayException error) || response.isCommitted()) {
			return Mono.error(ex);
		}
		return switch (FailureKind.of(error)) {
			case RETRYABLE -> {
				if (run.retries < run.group.policy().retries()) {
					run.retries++;
					log.debug("Attempt on {} failed, retrying: {}", deployment.id(), error.getMessage());
					yield next(run, error);
				}
				yield fallBack(FallbackReason.ERROR, error);
			}
			case CONTEXT_WINDOW -> fallBack(FallbackReason.CONTEXT_WINDOW, error);
			case CONTENT_POLICY -> fallBack(FallbackReason.CONTENT_POLICY, error);
			case FINAL -> Mono.error(error);
		};
	}

	/**
	 * Moves on to the first model of the requested model's chain for this reason that the request
	 * has not tried and that may take its prompt; without one, the client gets the error.
	 */
	private Mono<Void> fallBack(FallbackReason reason, GatewayException error) {
		for (String name : requested.fallbacks(reason)) {
			ModelGroup group = table.group(name);
			if (group == null || triedModels.contains(name)) {
				continue;
			}
			long tokens = prompt.against(group.smallestContextWindow());
			if (!group.fits(tokens)) {
				continue;
			}
			triedModels.add(name);
			trace.fellBack(name);
			metrics.fallback(requested.name(), name, reason.tag());
			response.getHeaders().set(MeridianHeaders.ATTEMPTED_FALLBACKS, Integer.toString(trace.fallbackCount()));
			log.debug("Request for {} falls back to {} ({}): {}", requested.name(), name, reason.tag(),
					error.getMessage());
			return next(new GroupRun(group, tokens), error);
		}
		return Mono.error(error);
	}

	/**
	 * Full jitter: a random wait between zero and {@code base × 2^retry}, capped; never shorter than
	 * what the provider asked for.
	 */
	static long backoffNanos(int retry, @Nullable Duration retryAfter) {
		long ceiling = BACKOFF_BASE.toNanos() << Math.min(Math.max(retry, 0), 16);
		ceiling = Math.min(ceiling, BACKOFF_CAP.toNanos());
		long jitter = ThreadLocalRandom.current().nextLong(ceiling + 1);
		return (retryAfter == null) ? jitter : Math.max(jitter, retryAfter.toNanos());
	}

	/** The {@code result} tag of {@code meridian_upstream_attempts_total}. */
	private static String result(GatewayException error) {
		if (error.status() == HttpStatus.TOO_MANY_REQUESTS) {
			return "rate_limited";
		}
		if ("upstream_timeout".equals(error.code())) {
			return "timeout";
		}
		if ("upstream_unreachable".equals(error.code())) {
			return "unreachable";
		}
		return error.status().is5xxServerError() ? "server_error" : "rejected";
	}

	private GatewayException tooLong(long tokens) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", "context_length_exceeded",
				"messages", "The prompt has about " + tokens + " tokens, more than the context window of '"
						+ requested.name() + "' (" + requested.smallestContextWindow()
						+ " tokens) and of every model it may fall back to.");
	}

	private static GatewayException rateLimited(ModelGroup group) {
		return new GatewayException(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_error", "rate_limit_exceeded", null,
				"Every deployment of '" + group.name() + "' is at its requests or tokens per minute limit.");
	}

	private GatewayException deadlinePassed() {
		return GatewayException.upstreamTimeout(requested.name(), "the request's timeout ran out");
	}

}
