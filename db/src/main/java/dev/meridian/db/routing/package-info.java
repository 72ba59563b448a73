/** Stored versions of the routing configuration. */
@NullMarked
package dev.meridian.db.routing;

import org.jspecify.annotations.NullMarked;
