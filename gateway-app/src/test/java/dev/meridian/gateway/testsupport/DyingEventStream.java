package dev.meridian.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that starts a stream in its own wire format and then dies: whatever the request, it
 * sends the response headers and the opening events it was given, then resets the TCP connection
 * without ending the chunked body, for any dialect: OpenAI chunks, Anthropic events, Responses events
 * or Gemini's. Written on raw sockets, because an HTTP server library would end the body cleanly.
 */
public final class DyingEventStream implements AutoCloseable {

	private final ServerSocket server;

	private final byte[] opening;

	private final AtomicInteger requests = new AtomicInteger();

	/** @param opening the server-sent events to send before dying, as the wire carries them */
	public DyingEventStream(String opening) {
		this.opening = opening.getBytes(StandardCharsets.UTF_8);
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().start(this::acceptLoop);
	}

	/** An OpenAI-compatible server that sends one {@code chat.completion.chunk} and dies. */
	public static DyingEventStream openAiChat() {
		return new DyingEventStream("data: "
				+ OpenAiMockServer.chatChunk("dying-model", "{\"content\":\"partial\"}", "null", false) + "\n\n");
	}

	/** The root to configure as the provider's {@code base_url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + server.getLocalPort();
	}

	/** How many requests it has received. */
	public int requests() {
		return requests.get();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

	private void acceptLoop() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread.ofVirtual().start(() -> answerThenDie(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void answerThenDie(Socket socket) {
		try (socket) {
			readRequest(socket.getInputStream());
			requests.incrementAndGet();
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ Integer.toHexString(opening.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(opening);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(100);
			socket.setSoLinger(true, 0);
		}
		catch (IOException | InterruptedException ex) {
			// the test only cares about what the gateway does next
		}
	}

	private static void readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				return;
			}
			head.write(b);
		}
		int length = 0;
		for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).strip());
			}
		}
		in.readNBytes(length);
	}

}
