package dev.meridian.admin.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to answer: {@code limit} (default 50, at most 500) items from {@code offset}
 * (default 0). A list query asks for one more item than the limit, to tell whether there are more.
 */
public record Paging(int limit, long offset) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	/** Reads {@code limit} and {@code offset}; a problem with them is reported by {@link QueryParameters#check()}. */
	public static Paging of(QueryParameters parameters, @Nullable String limit, @Nullable String offset) {
		Long parsedLimit = parameters.wholeNumber("limit", limit, 1, MAX_LIMIT);
		Long parsedOffset = parameters.wholeNumber("offset", offset, 0, Long.MAX_VALUE - MAX_LIMIT);
		return new Paging((parsedLimit == null) ? DEFAULT_LIMIT : parsedLimit.intValue(),
				(parsedOffset == null) ? 0 : parsedOffset);
	}

	/** How many rows to fetch: one more than the page holds. */
	public int fetch() {
		return limit + 1;
	}

	/** The page of the rows fetched with {@link #fetch()}. */
	public <T> ListPage<T> page(List<T> fetched) {
		boolean hasMore = fetched.size() > limit;
		return new ListPage<>(hasMore ? fetched.subList(0, limit) : fetched, limit, offset, hasMore);
	}

}
