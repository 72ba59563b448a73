package dev.meridian.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.meridian.gateway.catalog.CatalogEntry;
import dev.meridian.gateway.catalog.ModelCatalog;
import dev.meridian.gateway.catalog.ModelPricing;
import dev.meridian.gateway.config.InvalidRoutingConfigException;
import dev.meridian.gateway.config.ModelSettings;
import dev.meridian.gateway.config.ProviderSettings;
import dev.meridian.gateway.config.RoutingConfig;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.ProviderBaseUrl;
import dev.meridian.gateway.provider.ProviderHttpClients;
import dev.meridian.gateway.provider.ProviderType;
import dev.meridian.gateway.provider.RequestSigner;
import dev.meridian.gateway.provider.WireFormat;
import dev.meridian.gateway.provider.bedrock.BedrockSigner;
import dev.meridian.gateway.routing.smart.SmartRouter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.resources.ConnectionProvider;

/**
 * Turns a parsed configuration into a {@link RoutingTable}, checking every reference and value and
 * reporting all problems at once. Settings that this version does not act on yet are named in a
 * warning rather than silently ignored.
 */
public final class RoutingTableFactory {

	private static final Logger log = LoggerFactory.getLogger(RoutingTableFactory.class);

	private RoutingTableFactory() {
	}

	/**
	 * @param states where each deployment's state is kept; the table's deployments share it with
	 * any earlier table that has them
	 * @throws InvalidRoutingConfigException listing every problem; no pool is left open then
	 */
	public static RoutingTable build(RoutingConfig config, int version, String source, ModelCatalog catalog,
			DeploymentStates states) {
		return build(config, version, source, catalog, states, Map.of());
	}

	/**
	 * @param inForce the providers of the table in force: one whose settings are unchanged is kept,
	 * with its warm connection pool and its metrics, instead of being built again
	 */
	public static RoutingTable build(RoutingConfig config, int version, String source, ModelCatalog catalog,
			DeploymentStates states, Map<String, Provider> inForce) {
		List<String> problems = new ArrayList<>();
		warnAboutPendingSettings(config, source);
		Map<String, ProviderDraft> drafts = providers(config.providers(), problems);
		Map<String, List<ModelSettings>> entriesByName = new LinkedHashMap<>();
		for (int i = 0; i < config.models().size(); i++) {
			ModelSettings entry = config.models().get(i);
			String where = "models[" + i + "]";
			if (entry.name() == null || entry.name().isBlank()) {
				problems.add(where + ".name is required");
				continue;
			}
			if (entry.provider() == null || !drafts.containsKey(entry.provider())) {
				problems.add(where + ".provider: " + (entry.provider() == null ? "is required"
						: "unknown provider '" + entry.provider() + "' (configured: " + drafts.keySet() + ")"));
				continue;
			}
			if (entry.weight() != null && entry.weight() <= 0) {
				problems.add(where + ".weight must be a positive integer");
			}
			checkLimits(entry, where, problems);
			checkPrices(entry, where, problems);
			entriesByName.computeIfAbsent(entry.name(), name -> new ArrayList<>()).add(entry);
		}
		RoutingPolicies policies = RoutingPolicies.read(config.routing(), entriesByName.keySet(), problems);
		SmartRouter smartRouter = SmartRoutingSettings.router(config.routing().smart(), entriesByName.keySet(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRoutingConfigException(source, problems);
		}
		Map<String, Provider> providers = new LinkedHashMap<>();
		Map<String, ModelGroup> groups = new LinkedHashMap<>();
		entriesByName.forEach((name, entries) -> {
			List<Deployment> deployments = new ArrayList<>();
			for (ModelSettings entry : entries) {
				ProviderDraft draft = drafts.get(entry.provider());
				Provider provider = providers.computeIfAbsent(draft.id(), id -> draft.reuseOrOpen(inForce.get(id)));
				String upstreamModel = (entry.model() == null || entry.model().isBlank()) ? name : entry.model();
				CatalogEntry known = catalog.find(draft.type().configName(), upstreamModel).orElse(null);
				Integer contextWindow = (entry.contextWindow() != null) ? entry.contextWindow()
						: (known == null) ? null : known.limits().contextWindow();
				deployments.add(new Deployment(name, provider, upstreamModel,
						entry.weight() == null ? 1 : entry.weight(), price(entry, known == null ? null : known.pricing()),
						new DeploymentLimits(entry.rpm(), entry.tpm(), contextWindow),
						states.of(provider.id() + "/" + upstreamModel)));
			}
			if (!deployments.isEmpty()) {
				groups.put(name, new ModelGroup(name, deployments, policies.policy(name), policies.fallbacks(name)));
			}
		});
		SmartRouting smart = (smartRouter == null) ? null : new SmartRouting(smartRouter,
				smartRouter.baseline() == null ? null : SmartRouting.averagePrice(groups.get(smartRouter.baseline())));
		return new RoutingTable(version, groups, providers, policies.defaults().timeouts(), smart);
	}

	private record ProviderDraft(String id, ProviderType type, ProviderBaseUrl baseUrl, String apiKey,
			@Nullable String apiVersion, @Nullable String azureAdToken, @Nullable RequestSigner signer) {

		Provider reuseOrOpen(@Nullable Provider inForce) {
			if (inForce != null && signer == null && equals(inForce.settings())) {
				return inForce;
			}
			ConnectionProvider pool = ProviderHttpClients.pool(id);
			// A signer is an object without value equality: such providers are always built again.
			return new Provider(id, type, baseUrl, apiKey, apiVersion, signer,
					ProviderHttpClients.client(pool, type, apiKey, azureAdToken), pool, (signer == null) ? this : null);
		}

	}

	private static Map<String, ProviderDraft> providers(Map<String, ProviderSettings> settings, List<String> problems) {
		Map<String, ProviderDraft> drafts = new LinkedHashMap<>();
		settings.forEach((id, provider) -> {
			String where = "providers." + id;
			if (provider == null || provider.type() == null) {
				problems.add(where + ".type is required (one of " + ProviderType.configNames() + ")");
				return;
			}
			ProviderType type = ProviderType.fromConfigName(provider.type());
			if (type == null) {
				problems.add(where + ".type: unknown type '" + provider.type() + "' (one of "
						+ ProviderType.configNames() + ")");
				return;
			}
			String apiKey = (provider.apiKey() == null) ? "" : provider.apiKey();
			RequestSigner signer = null;
			String defaultUrl = type.defaultBaseUrl();
			if (type.wireFormat() == WireFormat.BEDROCK) {
				signer = bedrockSigner(provider, where, problems);
				defaultUrl = (provider.region() == null) ? null : BedrockSigner.defaultBaseUrl(provider.region());
			}
			String url = (provider.baseUrl() == null || provider.baseUrl().isBlank()) ? defaultUrl : provider.baseUrl();
			if (url == null) {
				problems.add(where + ".base_url is required for type " + type.configName());
				return;
			}
			try {
				drafts.put(id, new ProviderDraft(id, type, ProviderBaseUrl.of(url, type), apiKey, provider.apiVersion(),
						provider.azureAdToken(), signer));
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + "." + ex.getMessage());
			}
		});
		return drafts;
	}

	/** Bedrock authenticates each request with SigV4, from the provider's region and AWS keys. */
	private static @Nullable RequestSigner bedrockSigner(ProviderSettings provider, String where, List<String> problems) {
		if (provider.region() == null || provider.region().isBlank()) {
			problems.add(where + ".region is required for type bedrock");
		}
		if (provider.awsAccessKeyId() == null || provider.awsAccessKeyId().isBlank()
				|| provider.awsSecretAccessKey() == null || provider.awsSecretAccessKey().isBlank()) {
			problems.add(where + ".aws_access_key_id and aws_secret_access_key are required for type bedrock");
			return null;
		}
		return (provider.region() == null) ? null : new BedrockSigner(provider.region(), provider.awsAccessKeyId(),
				provider.awsSecretAccessKey(), provider.awsSessionToken());
	}

	private static void checkLimits(ModelSettings entry, String where, List<String> problems) {
		if (entry.rpm() != null && entry.rpm() <= 0) {
			problems.add(where + ".rpm must be a positive integer");
		}
		if (entry.tpm() != null && entry.tpm() <= 0) {
			problems.add(where + ".tpm must be a positive integer");
		}
		if (entry.contextWindow() != null && entry.contextWindow() <= 0) {
			problems.add(where + ".context_window must be a positive integer");
		}
	}

	private static void checkPrices(ModelSettings entry, String where, List<String> problems) {
		if (entry.inputCostPerMtok() != null && entry.inputCostPerMtok() < 0
				|| entry.outputCostPerMtok() != null && entry.outputCostPerMtok() < 0
				|| entry.cachedInputCostPerMtok() != null && entry.cachedInputCostPerMtok() < 0) {
			problems.add(where + ": costs per million tokens cannot be negative");
		}
	}

	/**
	 * The configured prices, field by field, over the catalog's; null when neither knows the input
	 * or output price. A missing output price (embedding models) counts as free, a missing cached
	 * price as the input price.
	 */
	static @Nullable ModelPrice price(ModelSettings entry, @Nullable ModelPricing catalog) {
		Double input = first(entry.inputCostPerMtok(), catalog == null ? null : catalog.inputPerMtok());
		Double output = first(entry.outputCostPerMtok(), catalog == null ? null : catalog.outputPerMtok());
		if (input == null && output == null) {
			return null;
		}
		double inputPrice = (input == null) ? 0 : input;
		Double cached = first(entry.cachedInputCostPerMtok(), catalog == null ? null : catalog.cachedInputPerMtok());
		return new ModelPrice(inputPrice, output == null ? 0 : output, cached == null ? inputPrice : cached);
	}

	private static @Nullable Double first(@Nullable Double configured, @Nullable Double catalog) {
		return (configured != null) ? configured : catalog;
	}

	private static void warnAboutPendingSettings(RoutingConfig config, String source) {
		if (config.cache() != null) {
			log.warn("{}: the cache section is not applied by this version", source);
		}
	}

}
