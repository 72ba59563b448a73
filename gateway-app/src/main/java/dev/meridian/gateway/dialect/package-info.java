/**
 * The client APIs Meridian speaks (OpenAI Chat Completions and Responses, Anthropic Messages) and how
 * each is translated to and from OpenAI chat when the provider speaks another one.
 */
@NullMarked
package dev.meridian.gateway.dialect;

import org.jspecify.annotations.NullMarked;
