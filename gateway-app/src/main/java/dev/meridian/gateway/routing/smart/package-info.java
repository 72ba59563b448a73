/**
 * Smart routing: a deterministic classifier that reads a client's request body once, scores the
 * prompt from cheap features and picks a tier ({@code simple | medium | complex | reasoning}), whose
 * model group then serves the request. Depends only on the JDK, Jackson and JSpecify, so that the
 * benchmarks compile these sources on their own.
 */
@NullMarked
package dev.meridian.gateway.routing.smart;

import org.jspecify.annotations.NullMarked;
