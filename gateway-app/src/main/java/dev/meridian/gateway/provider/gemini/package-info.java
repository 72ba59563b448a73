/** Google Gemini: OpenAI chat, stream, embedding and error shapes translated to and from the Gemini API. */
@NullMarked
package dev.meridian.gateway.provider.gemini;

import org.jspecify.annotations.NullMarked;
