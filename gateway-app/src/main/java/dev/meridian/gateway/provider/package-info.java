/**
 * Model providers: their types, defaults and pooled HTTP clients, the adapters of each wire format,
 * and the pieces of OpenAI chat their translations share.
 */
@NullMarked
package dev.meridian.gateway.provider;

import org.jspecify.annotations.NullMarked;
