package dev.meridian.gateway.routing.smart;

/**
 * The scores at which a prompt moves up a tier: below {@code medium} it is simple, from
 * {@code medium} medium, from {@code complex} complex, from {@code reasoning} reasoning.
 */
public record TierBoundaries(double medium, double complex, double reasoning) {

	public static final TierBoundaries DEFAULT = new TierBoundaries(0.1, 1.25, 3.3);

	public TierBoundaries {
		if (!(medium < complex && complex < reasoning)) {
			throw new IllegalArgumentException("boundaries must increase: medium < complex < reasoning");
		}
	}

	public Tier tierOf(double score) {
		if (score >= reasoning) {
			return Tier.REASONING;
		}
		if (score >= complex) {
			return Tier.COMPLEX;
		}
		return (score >= medium) ? Tier.MEDIUM : Tier.SIMPLE;
	}

}
