package dev.meridian.gateway.provider;

import dev.meridian.gateway.error.GatewayException;

/**
 * One row of a provider's error table: how Meridian answers one kind of provider error.
 *
 * @param status the status Meridian answers with
 * @param type the OpenAI envelope's {@code error.type}
 * @param code the OpenAI envelope's {@code error.code}, which tells errors of one type apart
 * @param retryable whether another attempt, here or on the next deployment, may succeed
 */
public record ErrorRule(int status, String type, String code, boolean retryable) {

	/**
	 * The error to answer with. Its message names the provider so a client can tell an upstream
	 * failure from Meridian's own: {@code Anthropic overloaded_error: Overloaded}.
	 * @param what the provider's name for the error, or its HTTP status when it gave none
	 * @param detail the provider's explanation, possibly empty
	 */
	public GatewayException toError(String provider, String what, String detail) {
		String message = provider + " " + what + (detail.isEmpty() ? "" : ": " + detail);
		return GatewayException.of(this.status, this.type, this.code, message, this.retryable);
	}

}
