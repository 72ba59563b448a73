package dev.meridian.admin.spend;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.db.ledger.LedgerPosition;

/**
 * The opaque {@code cursor} of the spend API: the position of the last row of a page (its time and
 * request id), so that the next page starts right after it whatever was written meanwhile.
 */
final class SpendCursor {

	static final String PARAM = "cursor";

	private SpendCursor() {
	}

	static String encode(LedgerPosition position) {
		String plain = position.occurredAt() + "|" + position.requestId();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static LedgerPosition decode(String cursor) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int bar = plain.indexOf('|');
			if (bar > 0) {
				return new LedgerPosition(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
			}
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			// Answered below, as for any other cursor this API did not hand out.
		}
		throw AdminApiException.invalid(PARAM, "cursor is not one this API returned as next_cursor.");
	}

}
