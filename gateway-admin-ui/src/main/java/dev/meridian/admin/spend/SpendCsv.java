package dev.meridian.admin.spend;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Spend as CSV (RFC 4180): a header row of the JSON field names, CRLF line ends, and a field quoted
 * when it holds a comma, a quote or a line break, its quotes doubled. Null is an empty field.
 */
final class SpendCsv {

	private SpendCsv() {
	}

	static <T> String of(List<SpendColumn<T>> columns, List<T> items) {
		StringBuilder csv = new StringBuilder(128 * (items.size() + 1));
		for (int i = 0; i < columns.size(); i++) {
			field(csv, i, columns.get(i).name());
		}
		csv.append("\r\n");
		for (T item : items) {
			for (int i = 0; i < columns.size(); i++) {
				field(csv, i, columns.get(i).value().apply(item));
			}
			csv.append("\r\n");
		}
		return csv.toString();
	}

	private static void field(StringBuilder csv, int index, @Nullable Object value) {
		if (index > 0) {
			csv.append(',');
		}
		if (value == null) {
			return;
		}
		String text = (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			csv.append(text);
			return;
		}
		csv.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

}
