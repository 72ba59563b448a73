package dev.meridian.admin.routing;

import java.util.List;

/**
 * Checks a routing configuration document the way the gateway will read it, so that a version that
 * would not load is never stored. The gateway provides the implementation.
 */
public interface RoutingConfigValidator {

	/** @return every problem, each with its location; empty when the document is valid */
	List<String> problems(String document);

}
