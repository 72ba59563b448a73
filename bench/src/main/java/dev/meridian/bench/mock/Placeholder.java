package dev.meridian.bench.mock;

/**
 * A per-request value inside a pre-rendered document. The document is built with the placeholder's
 * {@link #token()} as a string value; rendering replaces that whole JSON string with the value.
 */
enum Placeholder {
    /** The response id ({@code chatcmpl-…}, {@code resp_…}, {@code msg_…}). */
    ID,
    /** The id of the output item inside a Responses API answer. */
    ITEM_ID,
    /** Creation time in epoch seconds (a JSON number). */
    CREATED,
    /** The model, echoed from the request. */
    MODEL;

    String token() {
        return "@@" + name() + "@@";
    }
}
