/** OpenAI Chat Completions, spoken to providers of other wire formats. */
@NullMarked
package dev.meridian.gateway.dialect.openai;

import org.jspecify.annotations.NullMarked;
