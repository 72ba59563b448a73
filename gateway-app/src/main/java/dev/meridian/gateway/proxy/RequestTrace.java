package dev.meridian.gateway.proxy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.meridian.gateway.error.ClientApiErrorHandler;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.governance.Caller;
import dev.meridian.gateway.governance.ClientKey;
import dev.meridian.gateway.governance.TeamPolicy;
import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.metrics.GatewayMetrics;
import dev.meridian.gateway.metrics.RequestOutcome;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.ModelPrice;
import dev.meridian.gateway.routing.smart.Tier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.SignalType;

/**
 * The timeline and facts of one request as it goes through the gateway, turned into a
 * {@link RequestOutcome} when it ends. Overhead is the whole time minus the time spent waiting for
 * the provider.
 */
final class RequestTrace {

	/** Status recorded for a client that went away before the answer was complete (as nginx does). */
	static final int CLIENT_CLOSED = 499;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	final String requestId = newRequestId();

	private final ClientOperation operation;

	private final long start = System.nanoTime();

	private final Instant startedAt;

	private Caller caller = Caller.MASTER;

	private @Nullable String model;

	private @Nullable Deployment deployment;

	private long upstreamStart = -1;

	private long upstreamHeaders = -1;

	private long upstreamEnd = -1;

	private long firstEventSent = -1;

	private int failedStatus = -1;

	private @Nullable String errorCode;

	private @Nullable Usage usage;

	private int attempts;

	/** Time spent on attempts before the current one, backoff included: the provider's, not overhead. */
	private long earlierAttempts;

	private final List<String> fallbacks = new ArrayList<>(0);

	private boolean streamBroken;

	private @Nullable Tier routeTier;

	private @Nullable ModelPrice baselinePrice;

	/** @param startedAt when the request arrived by the gateway's clock: what budgets and the ledger go by */
	RequestTrace(ClientOperation operation, Instant startedAt) {
		this.operation = operation;
		this.startedAt = startedAt;
	}

	void authenticated(Caller who) {
		this.caller = who;
	}

	Caller caller() {
		return caller;
	}

	/** @param modelName the model the client asked for, whichever model the deployment serves */
	/** A model name the configuration knows, so that a request refused before routing is recorded under it. */
	void requested(String modelName) {
		this.model = modelName;
	}

	void routed(String modelName, Deployment chosen) {
		this.model = modelName;
		this.deployment = chosen;
		attempts++;
	}

	/** The request moves on to the next model of a fallback chain. */
	void fellBack(String fallbackModel) {
		fallbacks.add(fallbackModel);
	}

	int fallbackCount() {
		return fallbacks.size();
	}

	/** @param baseline the price savings are measured against, null when unknown */
	void smartRouted(Tier tier, @Nullable ModelPrice baseline) {
		this.routeTier = tier;
		this.baselinePrice = baseline;
	}

	void upstreamStarted() {
		long now = System.nanoTime();
		if (upstreamStart >= 0) {
			earlierAttempts += now - upstreamStart;
		}
		upstreamStart = now;
	}

	long upstreamStartNanos() {
		return upstreamStart;
	}

	void upstreamAnswered() {
		upstreamHeaders = System.nanoTime();
	}

	void upstreamEnded() {
		upstreamEnd = System.nanoTime();
	}

	void eventSent() {
		if (firstEventSent < 0) {
			firstEventSent = System.nanoTime();
		}
	}

	/** The provider's stream failed after the answer had started; the client got an error event. */
	void streamBroken() {
		streamBroken = true;
	}

	boolean isStreamBroken() {
		return streamBroken;
	}

	/** When the first streamed event was sent, on the {@link System#nanoTime()} clock; -1 before. */
	long firstEventSentNanos() {
		return firstEventSent;
	}

	void usage(@Nullable Usage reported) {
		if (reported != null) {
			this.usage = reported;
		}
	}

	void failed(Throwable error) {
		GatewayException failure = ClientApiErrorHandler.asGatewayException(error);
		failedStatus = failure.status().value();
		errorCode = (failure.code() != null) ? failure.code() : failure.type();
	}

	@Nullable Usage usage() {
		return usage;
	}

	/** Gateway time so far, not counting the wait for the provider's headers. */
	long overheadSoFarNanos() {
		long now = System.nanoTime();
		long waited = (upstreamStart >= 0 && upstreamHeaders >= 0) ? upstreamHeaders - upstreamStart : 0;
		return now - start - waited - earlierAttempts;
	}

	RequestOutcome outcome(SignalType signal, @Nullable Integer responseStatus) {
		long end = System.nanoTime();
		int status;
		if (failedStatus > 0) {
			status = failedStatus;
		}
		else if (signal == SignalType.CANCEL) {
			status = CLIENT_CLOSED;
		}
		else {
			status = (responseStatus == null) ? 200 : responseStatus;
		}
		long upstreamTime = (upstreamStart < 0) ? 0 : ((upstreamEnd >= 0) ? upstreamEnd : end) - upstreamStart;
		long overhead = (upstreamStart < 0) ? -1 : Math.max(0, end - start - upstreamTime - earlierAttempts);
		long firstToken = (firstEventSent < 0) ? -1 : firstEventSent - start;
		Double cost = (deployment != null && deployment.price() != null && usage != null)
				? deployment.price().cost(usage) : null;
		ClientKey key = caller.key();
		TeamPolicy team = caller.team();
		Double baselineCost = (baselinePrice != null && usage != null) ? baselinePrice.cost(usage) : null;
		return new RequestOutcome(requestId, startedAt, key == null ? null : key.id(),
				team == null ? null : team.id(), team == null ? GatewayMetrics.NO_TEAM : team.name(),
				operation.metricName(), model == null ? "unknown" : model,
				deployment == null ? null : deployment.id(), deployment == null ? "none" : deployment.provider().id(),
				status, errorCode, end - start, overhead, firstToken, usage, cost, attempts, List.copyOf(fallbacks),
				routeTier == null ? null : routeTier.configName(), baselineCost);
	}

	/** 32 random hex digits: unique enough to find one request among billions, and cheap to make. */
	private static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[36];
		"req_".getChars(0, 4, id, 0);
		long high = random.nextLong();
		long low = random.nextLong();
		for (int i = 0; i < 16; i++) {
			id[4 + i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
			id[20 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xF];
		}
		return new String(id);
	}

}
