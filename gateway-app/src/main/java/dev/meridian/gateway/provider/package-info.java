/** Model providers: their types, defaults and pooled HTTP clients. */
@NullMarked
package dev.meridian.gateway.provider;

import org.jspecify.annotations.NullMarked;
