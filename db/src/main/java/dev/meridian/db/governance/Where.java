package dev.meridian.db.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** The conditions of a filtered list query and the values they bind. */
final class Where {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> values = new LinkedHashMap<>();

	Where and(String condition) {
		conditions.add(condition);
		return this;
	}

	/** Adds a condition that uses {@code :name}. */
	Where and(String condition, String name, Object value) {
		conditions.add(condition);
		values.put(name, value);
		return this;
	}

	/** {@code " WHERE a AND b"}, or nothing without conditions. */
	String sql() {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	GenericExecuteSpec bind(GenericExecuteSpec spec) {
		return values.isEmpty() ? spec : spec.bindValues(values);
	}

}
