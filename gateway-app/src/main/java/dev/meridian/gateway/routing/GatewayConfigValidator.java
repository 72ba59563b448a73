package dev.meridian.gateway.routing;

import java.util.List;

import dev.meridian.admin.routing.RoutingConfigValidator;
import dev.meridian.gateway.config.InvalidRoutingConfigException;
import org.springframework.stereotype.Component;

/** Checks a document for the admin API exactly as a replica will load it: parsed and built into a table. */
@Component
class GatewayConfigValidator implements RoutingConfigValidator {

	private final RoutingConfigBootstrap bootstrap;

	GatewayConfigValidator(RoutingConfigBootstrap bootstrap) {
		this.bootstrap = bootstrap;
	}

	@Override
	public List<String> problems(String document) {
		try {
			bootstrap.check(document);
			return List.of();
		}
		catch (InvalidRoutingConfigException ex) {
			return ex.problems();
		}
	}

}
