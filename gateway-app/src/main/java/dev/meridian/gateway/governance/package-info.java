/**
 * Virtual keys, teams, model access, rate limits and budgets as the request path sees them: an
 * in-memory directory kept in step with PostgreSQL by notifications, so that no request waits for
 * the database.
 */
@NullMarked
package dev.meridian.gateway.governance;

import org.jspecify.annotations.NullMarked;
