package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.json.ByteEdits;
import dev.meridian.gateway.json.Json;
import dev.meridian.gateway.json.ProviderResponseScanner;
import dev.meridian.gateway.json.ScannedResponse;
import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.sse.SseEventSplitter;
import org.jspecify.annotations.Nullable;

/**
 * Passes an OpenAI-format event stream to the client event by event: each complete event goes out
 * as soon as it has arrived, with the model name the client asked for, and the usage-only chunk the
 * gateway requested for itself is removed. Remembers the last usage seen, for accounting.
 */
final class StreamRelay {

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private final SseEventSplitter splitter = new SseEventSplitter();

	private final String clientModel;

	private final byte[] clientModelJson;

	private final boolean stripUsageChunk;

	private @Nullable Usage usage;

	StreamRelay(String clientModel, boolean stripUsageChunk) {
		this.clientModel = clientModel;
		this.clientModelJson = Json.quoted(clientModel);
		this.stripUsageChunk = stripUsageChunk;
	}

	/** The bytes to send the client for this network read; empty when no event completed. */
	byte[] onChunk(byte[] chunk) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length + 16);
		splitter.feed(chunk, (bytes, start, end) -> relay(bytes, start, end, out));
		return out.toByteArray();
	}

	/** Whatever incomplete event the upstream left when it ended, passed on unchanged. */
	byte[] onComplete() {
		return splitter.remainder();
	}

	@Nullable Usage usage() {
		return usage;
	}

	private void relay(byte[] bytes, int start, int end, ByteArrayOutputStream out) {
		int dataStart = jsonDataStart(bytes, start, end);
		if (dataStart < 0) {
			out.write(bytes, start, end - start);
			return;
		}
		int dataEnd = lineEnd(bytes, dataStart, end);
		ScannedResponse chunk = ProviderResponseScanner.scan(bytes, dataStart, dataEnd - dataStart);
		if (chunk.usage() != null) {
			usage = (usage == null) ? chunk.usage() : usage.merge(chunk.usage());
		}
		if (chunk.usageOnly() && stripUsageChunk) {
			return;
		}
		if (chunk.modelStart() < 0 || clientModel.equals(chunk.model())) {
			out.write(bytes, start, end - start);
			return;
		}
		int modelStart = dataStart + chunk.modelStart() - start;
		int modelEnd = dataStart + chunk.modelEnd() - start;
		byte[] rewritten = new ByteEdits().replace(modelStart, modelEnd, clientModelJson)
			.applyTo(bytes, start, end - start);
		out.writeBytes(rewritten);
	}

	/**
	 * The offset of the JSON object in the event's only {@code data:} line, or -1 when the event has
	 * no such line, several data lines, or data that is not an object ({@code [DONE]}).
	 */
	private static int jsonDataStart(byte[] bytes, int start, int end) {
		int found = -1;
		int line = start;
		while (line < end) {
			if (startsWith(bytes, line, end, DATA)) {
				if (found >= 0) {
					return -1;
				}
				int value = line + DATA.length;
				if (value < end && bytes[value] == ' ') {
					value++;
				}
				if (value >= end || bytes[value] != '{') {
					return -1;
				}
				found = value;
			}
			line = nextLineStart(bytes, line, end);
		}
		return found;
	}

	private static int lineEnd(byte[] bytes, int from, int end) {
		int i = from;
		while (i < end && bytes[i] != '\n') {
			i++;
		}
		return (i > from && bytes[i - 1] == '\r') ? i - 1 : i;
	}

	private static int nextLineStart(byte[] bytes, int from, int end) {
		int i = from;
		while (i < end && bytes[i] != '\n') {
			i++;
		}
		return i + 1;
	}

	private static boolean startsWith(byte[] bytes, int at, int end, byte[] prefix) {
		if (end - at < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
