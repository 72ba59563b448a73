/**
 * The Amazon Bedrock provider: translates Meridian's canonical OpenAI Chat Completions JSON into
 * Bedrock Converse and ConverseStream requests, and Bedrock's answers, stream events and errors
 * back; signs requests with SigV4 and decodes the binary event-stream framing of ConverseStream.
 * Embeddings go through InvokeModel (Titan Text Embeddings V2 and Cohere Embed). Nothing here does
 * I/O: the HTTP exchange lives elsewhere.
 */
@NullMarked
package dev.meridian.gateway.provider.bedrock;

import org.jspecify.annotations.NullMarked;
