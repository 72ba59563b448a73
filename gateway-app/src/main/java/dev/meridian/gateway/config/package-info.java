/** The routing configuration document (providers, models, routing) and how it is read. */
@NullMarked
package dev.meridian.gateway.config;

import org.jspecify.annotations.NullMarked;
