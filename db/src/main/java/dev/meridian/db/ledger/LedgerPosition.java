package dev.meridian.db.ledger;

import java.time.Instant;

/** Where a row stands in the ledger read newest first: by time, then by request id. */
public record LedgerPosition(Instant occurredAt, String requestId) {

	public static LedgerPosition of(LedgerRow row) {
		return new LedgerPosition(row.occurredAt(), row.requestId());
	}

}
