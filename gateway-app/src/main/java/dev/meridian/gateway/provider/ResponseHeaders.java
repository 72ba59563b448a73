package dev.meridian.gateway.provider;

import org.jspecify.annotations.Nullable;

/** Read access to a provider response's headers, for adapters whose errors are named in one. */
@FunctionalInterface
public interface ResponseHeaders {

	@Nullable String get(String name);

}
