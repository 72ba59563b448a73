package dev.meridian.gateway.routing.explain;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.error.OpenAiErrorBody;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import dev.meridian.gateway.routing.SmartRouting;
import dev.meridian.gateway.routing.smart.Classification;
import dev.meridian.gateway.routing.smart.Feature;
import dev.meridian.gateway.routing.smart.InvalidPromptException;
import dev.meridian.gateway.routing.smart.SmartRouter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows what smart routing would do with a request, without calling any provider: the tier, the
 * score and each feature's value and contribution, the tier's model group and the deployment that
 * would serve it. The body is a chat completion request; Anthropic Messages and Responses bodies
 * are read as well. Under {@code /api/admin}, so only the master key gets in.
 */
@RestController
class RouteExplainController {

	static final String PATH = "/api/admin/v1/route/explain";

	private final ActiveRoutingTable routes;

	RouteExplainController(ActiveRoutingTable routes) {
		this.routes = routes;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> explain(@RequestBody(required = false) byte @Nullable [] body) {
		RoutingTable table = routes.get();
		SmartRouting smart = table.smart();
		if (smart == null) {
			return badRequest(GatewayException.invalidRequest(
					"Smart routing is not configured: add routing.smart to the routing configuration.", "routing.smart"));
		}
		if (body == null || body.length == 0) {
			return badRequest(GatewayException.invalidRequest("Send a chat completion request as the body.", "messages"));
		}
		SmartRouter router = smart.router();
		Classification classification;
		try {
			classification = router.classifier().classify(body);
		}
		catch (InvalidPromptException ex) {
			return badRequest(GatewayException.invalidRequest(ex.getMessage(), ex.field()));
		}
		String model = router.modelFor(classification.tier());
		ModelGroup group = table.group(model);
		String deployment = (group == null) ? null : group.choose().id();
		Map<String, Classification.FeatureScore> features = new LinkedHashMap<>();
		classification.features().forEach((feature, score) -> features.put(feature.configName(), score));
		return ResponseEntity.ok(new Explanation(classification.tier().configName(), classification.score(), features,
				model, deployment));
	}

	private static ResponseEntity<byte[]> badRequest(GatewayException error) {
		return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(OpenAiErrorBody.of(error));
	}

	/**
	 * @param features every {@link Feature} by its configuration name
	 * @param model the tier's model group
	 * @param deployment {@code provider/upstream-model} of the deployment that would serve the request
	 */
	record Explanation(String tier, double score, Map<String, Classification.FeatureScore> features, String model,
			@Nullable String deployment) {
	}

}
