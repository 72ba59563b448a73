/** The admin API's view of the routing configuration and its versions. */
@NullMarked
package dev.meridian.admin.routing;

import org.jspecify.annotations.NullMarked;
