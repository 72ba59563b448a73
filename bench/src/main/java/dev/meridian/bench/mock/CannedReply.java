package dev.meridian.bench.mock;

import java.util.List;

/** The assistant text every API returns, already cut into stream pieces, and its token counts. */
final class CannedReply {

    /** Pieces sized so a chat stream carries about 30 chunks, like a short real answer. */
    static final List<String> PIECES = List.of(
            "Hello", "!", " This", " is", " a", " short", " reply", " from", " the", " benchmark",
            " mock", " upstream", ",", " sent", " in", " small", " pieces", " so", " that", " time",
            " to", " first", " token", " can", " be", " measured", ".");

    static final String TEXT = String.join("", PIECES);

    static final int INPUT_TOKENS = 14;

    static final int OUTPUT_TOKENS = PIECES.size();

    private CannedReply() {
    }
}
