/** Server-sent events: cutting a byte stream into events and reading their fields. */
@NullMarked
package dev.meridian.gateway.sse;

import org.jspecify.annotations.NullMarked;
