/**
 * Where Meridian keeps its state: PostgreSQL, external or embedded, migrated by Flyway and used
 * through R2DBC.
 */
@NullMarked
package dev.meridian.db;

import org.jspecify.annotations.NullMarked;
