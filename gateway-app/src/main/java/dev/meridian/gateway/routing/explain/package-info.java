/** {@code POST /api/admin/v1/route/explain}: what smart routing would do with a request, and why. */
@NullMarked
package dev.meridian.gateway.routing.explain;

import org.jspecify.annotations.NullMarked;
