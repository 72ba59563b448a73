package dev.meridian.admin.api;

import java.util.List;

/** One page of a list: {@code {"data": [...], "limit", "offset", "has_more"}}. */
public record ListPage<T>(List<T> data, int limit, long offset, boolean hasMore) {

	public ListPage {
		data = List.copyOf(data);
	}

}
