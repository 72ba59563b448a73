package dev.meridian.gateway.provider.bedrock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Reads the binary {@code application/vnd.amazon.eventstream} framing of a ConverseStream response
 * from byte chunks as they arrive, split anywhere. One instance per stream; not thread-safe.
 * <p>
 * A message is a 12-byte prelude (total length, headers length, CRC32 of those eight bytes),
 * headers, payload and a CRC32 of everything before it. This class only finds where each message
 * ends; decoding and both checksum checks are the AWS eventstream library's {@link Message#decode}.
 * The library's own streaming decoder is not used because it reserves 2 MiB per stream. The prelude
 * checksum is also checked as soon as the prelude is in, so a corrupt length fails at once instead
 * of waiting for megabytes that will never come.
 */
public final class EventStreamDecoder {

	private static final int PRELUDE_LENGTH = 12;

	/** The prelude plus the trailing message CRC: a message with no headers and no payload. */
	private static final int MIN_MESSAGE_LENGTH = PRELUDE_LENGTH + 4;

	/** The format's limits, which the library enforces too: 128 KiB of headers, 24 MiB of payload. */
	private static final int MAX_MESSAGE_LENGTH = MIN_MESSAGE_LENGTH + 128 * 1024 + 24 * 1024 * 1024;

	private byte[] buffer = new byte[0];

	private int start;

	private int end;

	/**
	 * Takes the next bytes of the stream.
	 * @return the messages completed by these bytes, often none
	 * @throws dev.meridian.gateway.error.GatewayException when a message is corrupt (a checksum or a
	 * length does not hold); the stream cannot be read any further
	 */
	public List<EventStreamMessage> feed(byte[] chunk) {
		append(chunk);
		List<EventStreamMessage> messages = new ArrayList<>();
		while (this.end - this.start >= PRELUDE_LENGTH) {
			int totalLength = checkedTotalLength();
			if (this.end - this.start < totalLength) {
				break;
			}
			messages.add(decode(totalLength));
			this.start += totalLength;
		}
		if (this.start == this.end) {
			this.start = 0;
			this.end = 0;
		}
		return messages;
	}

	/** Whether bytes of an unfinished message are waiting: at the end of the stream, it was cut off. */
	public boolean hasPartialMessage() {
		return this.end > this.start;
	}

	private void append(byte[] chunk) {
		if (this.buffer.length - this.end < chunk.length) {
			int pending = this.end - this.start;
			byte[] target = this.buffer.length - pending >= chunk.length ? this.buffer
					: new byte[Math.max(pending + chunk.length, this.buffer.length * 2)];
			System.arraycopy(this.buffer, this.start, target, 0, pending);
			this.buffer = target;
			this.start = 0;
			this.end = pending;
		}
		System.arraycopy(chunk, 0, this.buffer, this.end, chunk.length);
		this.end += chunk.length;
	}

	private int checkedTotalLength() {
		ByteBuffer prelude = ByteBuffer.wrap(this.buffer, this.start, PRELUDE_LENGTH);
		int totalLength = prelude.getInt();
		prelude.getInt();
		CRC32 crc = new CRC32();
		crc.update(this.buffer, this.start, 8);
		if (crc.getValue() != Integer.toUnsignedLong(prelude.getInt())) {
			throw BedrockErrors.malformedStream("prelude checksum mismatch");
		}
		if (totalLength < MIN_MESSAGE_LENGTH || totalLength > MAX_MESSAGE_LENGTH) {
			throw BedrockErrors.malformedStream("impossible message length " + Integer.toUnsignedString(totalLength));
		}
		return totalLength;
	}

	private EventStreamMessage decode(int totalLength) {
		Message message;
		try {
			message = Message.decode(ByteBuffer.wrap(this.buffer, this.start, totalLength));
		}
		catch (RuntimeException ex) {
			// The library reports checksum failures and malformed headers alike as runtime exceptions.
			throw BedrockErrors.malformedStream(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
		Map<String, HeaderValue> headers = message.getHeaders();
		String messageType = header(headers, ":message-type");
		return switch (messageType) {
			case "event" -> new EventStreamMessage(messageType, header(headers, ":event-type"), message.getPayload());
			case "exception" ->
				new EventStreamMessage(messageType, header(headers, ":exception-type"), message.getPayload());
			case "error" -> new EventStreamMessage(messageType, header(headers, ":error-code"),
					optionalHeader(headers, ":error-message").getBytes(StandardCharsets.UTF_8));
			default -> new EventStreamMessage(messageType, "", message.getPayload());
		};
	}

	private static String header(Map<String, HeaderValue> headers, String name) {
		String value = optionalHeader(headers, name);
		if (value.isEmpty()) {
			throw BedrockErrors.malformedStream("message without a " + name + " header; it has " + headers.keySet());
		}
		return value;
	}

	private static String optionalHeader(Map<String, HeaderValue> headers, String name) {
		HeaderValue value = headers.get(name);
		try {
			return value == null ? "" : value.getString();
		}
		catch (RuntimeException notAString) {
			throw BedrockErrors.malformedStream(name + " header is not a string");
		}
	}

}
