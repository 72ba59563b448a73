/** The gateway: the client API, routing to providers, and the accounting around each request. */
@NullMarked
package dev.meridian.gateway;

import org.jspecify.annotations.NullMarked;
