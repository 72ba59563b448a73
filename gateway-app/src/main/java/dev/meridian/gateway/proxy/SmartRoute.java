package dev.meridian.gateway.proxy;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import dev.meridian.gateway.routing.SmartRouting;
import dev.meridian.gateway.routing.smart.InvalidPromptException;
import dev.meridian.gateway.routing.smart.RouteDecision;
import dev.meridian.gateway.routing.smart.Tier;
import dev.meridian.gateway.routing.smart.TierPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Smart routing on the request path: a request for the smart model name goes to the model group of
 * its tier, which the {@code x-meridian-tier} header, the key's {@link TierPolicy} or the
 * classifier decides. The answer carries the tier in {@code x-meridian-route-tier}.
 */
final class SmartRoute {

	/** Lets a client choose the tier itself, instead of the classifier. */
	static final String TIER_HEADER = "x-meridian-tier";

	private SmartRoute() {
	}

	/** Only prompts are smart-routed: embeddings have no tiers. */
	static boolean appliesTo(RoutingTable table, String model, ClientOperation operation) {
		SmartRouting smart = table.smart();
		return smart != null && operation != ClientOperation.EMBEDDINGS && smart.router().model().equals(model);
	}

	/**
	 * @param policy what the caller's key says about tiers
	 * @throws GatewayException 400 for an unknown tier in the header, or a prompt the classifier cannot read
	 */
	static ModelGroup choose(RoutingTable table, byte[] body, HttpHeaders clientHeaders, TierPolicy policy,
			ServerHttpResponse response, RequestTrace trace) {
		SmartRouting smart = table.smart();
		if (smart == null) {
			throw new IllegalStateException("smart routing is not configured");
		}
		RouteDecision decision;
		try {
			decision = smart.router().route(body, requestedTier(clientHeaders), policy);
		}
		catch (InvalidPromptException ex) {
			throw GatewayException.invalidRequest(ex.getMessage(), ex.field());
		}
		ModelGroup group = table.group(decision.model());
		if (group == null) {
			throw new IllegalStateException("tier model " + decision.model() + " is not in the routing table");
		}
		response.getHeaders().set(MeridianHeaders.ROUTE_TIER, decision.tier().configName());
		trace.smartRouted(decision.tier(), smart.baselinePrice());
		return group;
	}

	/** @return the tier the request asks for, null when it asks for none */
	static @Nullable Tier requestedTier(HttpHeaders headers) {
		String value = headers.getFirst(TIER_HEADER);
		if (value == null || value.isBlank()) {
			return null;
		}
		Tier tier = Tier.fromName(value);
		if (tier == null) {
			throw GatewayException.invalidValue("The header " + TIER_HEADER + " must be one of " + Tier.configNames()
					+ ", not '" + value.strip() + "'.", TIER_HEADER);
		}
		return tier;
	}

}
