/**
 * The Anthropic provider: translates Meridian's canonical OpenAI Chat Completions JSON into
 * Anthropic Messages API requests, and Anthropic's responses, stream events and errors back.
 * Pure functions on JSON trees; the HTTP exchange lives elsewhere.
 */
@NullMarked
package dev.meridian.gateway.provider.anthropic;

import org.jspecify.annotations.NullMarked;
