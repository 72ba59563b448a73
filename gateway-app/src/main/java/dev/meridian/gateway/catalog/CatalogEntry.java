package dev.meridian.gateway.catalog;

/** One model in the catalog: its prices and its token limits. */
public record CatalogEntry(ModelPricing pricing, ModelLimits limits) {
}
