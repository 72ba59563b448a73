/** The client API endpoints and the forwarding of requests and streams to providers. */
@NullMarked
package dev.meridian.gateway.proxy;

import org.jspecify.annotations.NullMarked;
