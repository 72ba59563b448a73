/** Single-pass reading and byte-level editing of JSON bodies, so the hot path never builds object trees. */
@NullMarked
package dev.meridian.gateway.json;

import org.jspecify.annotations.NullMarked;
