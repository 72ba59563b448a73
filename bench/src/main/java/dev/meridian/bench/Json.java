package dev.meridian.bench;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the benchmark; immutable and thread-safe. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
