package dev.meridian.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Plain HTTP/1.1 requests for tests, as the OpenAI and Anthropic SDKs send them, each bounded so
 * that a request the gateway never answers fails the test instead of hanging it.
 */
public final class TestHttp {

	public static final Duration TIMEOUT = Duration.ofSeconds(20);

	private TestHttp() {
	}

	public static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
	}

	public static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
	}

}
