/** What each request did, recorded as Micrometer metrics. */
@NullMarked
package dev.meridian.gateway.metrics;

import org.jspecify.annotations.NullMarked;
