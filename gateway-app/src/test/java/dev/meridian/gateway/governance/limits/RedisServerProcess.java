package dev.meridian.gateway.governance.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A throwaway {@code redis-server} on a free loopback port, without persistence, that a test can
 * kill, freeze and start again to play a Redis outage.
 */
final class RedisServerProcess implements AutoCloseable {

	private final int port;

	private @Nullable Process process;

	private RedisServerProcess(int port) {
		this.port = port;
	}

	static RedisServerProcess startOnFreePort() {
		RedisServerProcess server = notStartedYet();
		server.start();
		return server;
	}

	/** A server for a free port that {@link #start()} will start. */
	static RedisServerProcess notStartedYet() {
		assumeTrue(onPath(), "redis-server is not on the PATH");
		return new RedisServerProcess(freePort());
	}

	String url() {
		return "redis://127.0.0.1:" + port;
	}

	void start() {
		try {
			process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> TestRedis.listens(port));
	}

	/** Dies as a crashed server does: connections drop at once. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(10, TimeUnit.SECONDS);
	}

	/** Stops answering while its connections stay open, as an overloaded or partitioned server does. */
	void freeze() throws Exception {
		signal("STOP");
	}

	void thaw() throws Exception {
		signal("CONT");
	}

	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			thaw();
			kill();
		}
	}

	private void signal(String name) throws Exception {
		new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
	}

	private static boolean onPath() {
		try {
			return new ProcessBuilder("redis-server", "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
