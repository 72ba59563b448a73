package dev.meridian.gateway.governance.limits;

/** Spend counted in one replica, without Redis. */
class LocalSpendCountersTest extends SpendCountersBehaviour {

	private final LocalSpendCounters counters = new LocalSpendCounters();

	@Override
	protected SpendCounters counters() {
		return counters;
	}

}
