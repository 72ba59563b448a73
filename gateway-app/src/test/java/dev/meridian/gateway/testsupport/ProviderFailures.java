package dev.meridian.gateway.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.meridian.gateway.testsupport.OpenAiMockServer.Behaviour;

/**
 * Ways an OpenAI-compatible provider fails, as {@link OpenAiMockServer} behaviours: error answers in
 * OpenAI's envelope (with {@code retry-after} where a rate limit sends it), a connection dropped
 * before any answer, a first byte that comes late. A provider that refuses connections is one
 * configured at a closed port; one whose stream dies midway is a {@link DyingEventStream}.
 */
public final class ProviderFailures {

	private ProviderFailures() {
	}

	/** 500 with OpenAI's server error envelope. */
	public static Behaviour serverError() {
		return (exchange, request) -> OpenAiMockServer.sendJson(exchange, 500,
				OpenAiMockServer.error("The server had an error while processing your request.", "server_error", null));
	}

	/** 429 as OpenAI sends it, with the delay in the named header ({@code retry-after} or {@code retry-after-ms}). */
	public static Behaviour rateLimited(String header, String delay) {
		return (exchange, request) -> {
			exchange.getResponseHeaders().set(header, delay);
			OpenAiMockServer.sendJson(exchange, 429, OpenAiMockServer.error(
					"Rate limit reached for requests per min (RPM).", "requests", "rate_limit_exceeded"));
		};
	}

	/** A 400 error in OpenAI's envelope with this code, e.g. {@code context_length_exceeded}. */
	public static Behaviour badRequest(String code, String message) {
		return (exchange, request) -> OpenAiMockServer.sendJson(exchange, 400,
				OpenAiMockServer.error(message, "invalid_request_error", code));
	}

	/** Closes the connection after reading the request, before any answer. */
	public static Behaviour dropConnection() {
		return (exchange, request) -> {
			throw new IllegalStateException("connection dropped before any answer");
		};
	}

	/** Answers normally after the delay. */
	public static Behaviour slowFirstByte(Duration delay) {
		return (exchange, request) -> {
			Thread.sleep(delay.toMillis());
			OpenAiMockServer.answer(exchange, request);
		};
	}

	/** The failures in turn, one per request, then the normal answer for every request after them. */
	public static Behaviour failingFirst(Behaviour... failures) {
		List<Behaviour> inTurn = List.of(failures);
		AtomicInteger received = new AtomicInteger();
		return (exchange, request) -> {
			int index = received.getAndIncrement();
			if (index < inTurn.size()) {
				inTurn.get(index).answer(exchange, request);
			}
			else {
				OpenAiMockServer.answer(exchange, request);
			}
		};
	}

}
