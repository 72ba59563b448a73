/** The OpenAI Chat Completions wire format, for clients that speak another dialect. */
@NullMarked
package dev.meridian.gateway.provider.openai;

import org.jspecify.annotations.NullMarked;
