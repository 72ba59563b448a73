package dev.meridian.db.ledger;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the spend ledger is written.
 *
 * @param flushInterval the longest a row waits in memory before its batch is written; also what a crash
 * loses at most while PostgreSQL keeps up
 * @param batchSize rows per insert statement; a full batch is written without waiting for the interval
 * @param queueCapacity rows held in memory at most; beyond that a row is counted as dropped
 * @param spillAfter how long a batch may wait for a slow database before it goes to the spill file instead
 * @param retentionMonths when set, monthly partitions of the ledger older than this are dropped daily (the
 * daily rollups are kept)
 */
@ConfigurationProperties("meridian.ledger")
public record LedgerProperties(@DefaultValue("200ms") Duration flushInterval, @DefaultValue("1000") int batchSize,
		@DefaultValue("100000") int queueCapacity, @DefaultValue("2s") Duration spillAfter,
		@Nullable Integer retentionMonths) {

	public LedgerProperties {
		if (flushInterval.isNegative() || flushInterval.isZero()) {
			throw new IllegalArgumentException("meridian.ledger.flush-interval must be positive, not " + flushInterval);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("meridian.ledger.batch-size must be at least 1, not " + batchSize);
		}
		if (queueCapacity < batchSize) {
			throw new IllegalArgumentException("meridian.ledger.queue-capacity (" + queueCapacity
					+ ") must be at least meridian.ledger.batch-size (" + batchSize + ")");
		}
		if (spillAfter.isNegative()) {
			throw new IllegalArgumentException("meridian.ledger.spill-after must not be negative, not " + spillAfter);
		}
		if (retentionMonths != null && retentionMonths < 1) {
			throw new IllegalArgumentException(
					"meridian.ledger.retention-months must be at least 1, not " + retentionMonths);
		}
	}

}
