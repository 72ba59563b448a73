/**
 * The OpenAI Responses dialect for models that are not OpenAI's: a {@code POST /v1/responses}
 * request is translated into Meridian's canonical Chat Completions JSON, and the chat answer,
 * whole or streamed, is translated back into a Responses object or Responses stream events.
 * Requests for OpenAI models are forwarded as they are and never come here.
 */
@NullMarked
package dev.meridian.gateway.dialect.responses;

import org.jspecify.annotations.NullMarked;
