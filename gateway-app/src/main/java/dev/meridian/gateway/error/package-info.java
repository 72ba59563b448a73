/** Errors as clients see them: the OpenAI error envelope with the right status. */
@NullMarked
package dev.meridian.gateway.error;

import org.jspecify.annotations.NullMarked;
