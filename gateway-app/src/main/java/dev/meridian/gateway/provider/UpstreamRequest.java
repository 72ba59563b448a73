package dev.meridian.gateway.provider;

import java.util.Map;

/**
 * A request ready to go to a provider: its full URL, the headers this request needs beyond the
 * provider's standing ones (a per-request signature, for instance), and the body.
 */
public record UpstreamRequest(String url, Map<String, String> headers, byte[] body) {

	public static UpstreamRequest of(String url, byte[] body) {
		return new UpstreamRequest(url, Map.of(), body);
	}

}
