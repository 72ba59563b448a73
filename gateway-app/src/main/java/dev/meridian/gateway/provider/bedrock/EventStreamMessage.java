package dev.meridian.gateway.provider.bedrock;

/**
 * One message of an {@code application/vnd.amazon.eventstream} response, as {@link EventStreamDecoder}
 * reads it off the wire.
 *
 * @param messageType the {@code :message-type} header: {@code event}, {@code exception} or {@code error}
 * @param eventType what the message is: the {@code :event-type} header of an event (e.g.
 * {@code contentBlockDelta}), the {@code :exception-type} of an exception (e.g.
 * {@code throttlingException}), the {@code :error-code} of an error
 * @param payload the JSON payload of an event or exception; for an error, the UTF-8 text of its
 * {@code :error-message} header, since errors carry their explanation in headers
 */
public record EventStreamMessage(String messageType, String eventType, byte[] payload) {
}
