/**
 * The Anthropic Messages dialect: lets clients built on the Anthropic SDK call Meridian, whatever
 * the upstream model. Requests are translated into Meridian's canonical OpenAI Chat Completions
 * JSON; completions, chunks and errors are translated back into Anthropic's shapes and events.
 */
@NullMarked
package dev.meridian.gateway.dialect.anthropic;

import org.jspecify.annotations.NullMarked;
