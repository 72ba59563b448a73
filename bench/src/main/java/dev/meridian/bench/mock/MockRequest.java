package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The few request fields the mock's answer depends on. */
record MockRequest(String model, boolean stream, boolean includeUsage) {

    static MockRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        JsonNode model = root.path("model");
        if (!model.isString()) {
            throw new IllegalArgumentException("'model' is required");
        }
        return new MockRequest(
                model.stringValue(),
                root.path("stream").asBoolean(false),
                root.path("stream_options").path("include_usage").asBoolean(false));
    }
}
