/**
 * Rate limits (requests and tokens per minute) and budget counters of virtual keys and teams,
 * counted in this process or, with {@code meridian.redis.url} set, shared by every replica through
 * Redis.
 */
@NullMarked
package dev.meridian.gateway.governance.limits;

import org.jspecify.annotations.NullMarked;
