package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * What every local provider stand-in shares: an HTTP server on a free loopback port, the requests it
 * received, and answers a test scripted for one model.
 *
 * @param <R> how the provider's requests are recorded
 * @param <B> what a test scripts in place of the default answer
 */
public abstract class LocalProviderServer<R, B> implements AutoCloseable {

	private final HttpServer server;

	private final List<R> requests = new CopyOnWriteArrayList<>();

	private final Map<String, B> behaviours = new ConcurrentHashMap<>();

	protected LocalProviderServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::serve);
		server.start();
	}

	/** Reads, records and answers one request. */
	protected abstract void serve(HttpExchange exchange) throws IOException;

	public int port() {
		return server.getAddress().getPort();
	}

	public List<R> requests() {
		return requests;
	}

	public R lastRequest() {
		return requests.getLast();
	}

	/** Answers requests for this model with the behaviour until {@link #reset()}. */
	public void on(String model, B behaviour) {
		behaviours.put(model, behaviour);
	}

	public void reset() {
		behaviours.clear();
		requests.clear();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	protected void record(R request) {
		requests.add(request);
	}

	protected @Nullable B behaviourFor(String model) {
		return behaviours.get(model);
	}

}
