/** Who is calling: bearer keys on the client API. */
@NullMarked
package dev.meridian.gateway.auth;

import org.jspecify.annotations.NullMarked;
