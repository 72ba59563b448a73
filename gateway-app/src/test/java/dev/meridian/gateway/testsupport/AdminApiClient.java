package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the admin API over loopback as a script would: JSON bodies, a bearer key. */
public final class AdminApiClient {

	private final String baseUrl;

	public AdminApiClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port + "/api/admin/v1";
	}

	public Reply get(String path, @Nullable String key) {
		return send("GET", path, key, null);
	}

	public Reply post(String path, @Nullable String key, @Nullable String json) {
		return send("POST", path, key, json);
	}

	public Reply patch(String path, @Nullable String key, String json) {
		return send("PATCH", path, key, json);
	}

	public Reply put(String path, @Nullable String key, String json) {
		return send("PUT", path, key, json);
	}

	public Reply delete(String path, @Nullable String key) {
		return send("DELETE", path, key, null);
	}

	public Reply send(String method, String path, @Nullable String key, @Nullable String json) {
		return send(method, path, key, json, null);
	}

	/** @param configVersion sent as {@code x-meridian-config-version} when not null */
	public Reply send(String method, String path, @Nullable String key, @Nullable String json,
			@Nullable String configVersion) {
		HttpRequest.Builder request = TestHttp.request(baseUrl + path)
			.method(method, (json == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (configVersion != null) {
			request.header("x-meridian-config-version", configVersion);
		}
		try {
			HttpResponse<String> response = TestHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " was interrupted", ex);
		}
	}

	public record Reply(int status, String body, HttpResponse<String> response) {

		public JsonNode json() {
			return JsonMapper.shared().readTree(body);
		}

		/** The error envelope's {@code error} object. */
		public JsonNode error() {
			return json().path("error");
		}

	}

}
