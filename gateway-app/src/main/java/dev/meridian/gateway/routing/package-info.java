/** Which deployment serves a requested model: model groups and the active routing table. */
@NullMarked
package dev.meridian.gateway.routing;

import org.jspecify.annotations.NullMarked;
