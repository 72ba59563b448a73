package dev.meridian.gateway.provider;

import java.net.URI;
import java.util.Map;

/** Signs each request for providers whose authentication covers the request itself (AWS SigV4). */
public interface RequestSigner {

	/** @return the headers to send in addition to {@code headers}, signature included */
	Map<String, String> sign(String method, URI url, Map<String, String> headers, byte[] body);

}
