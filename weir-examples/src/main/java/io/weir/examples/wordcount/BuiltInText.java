package io.weir.examples.wordcount;

import java.util.List;

/** The text WordCount counts when no input file is given. */
final class BuiltInText {
    private BuiltInText() {}

    static final List<String> LINES = List.of(
            "A weir is a low dam across a river",
            "that lets the water flow over its top",
            "while it raises the level of the water upstream.",
            "The water keeps flowing, the river keeps its course,",
            "and the weir measures and shapes the flow:",
            "a stream that never stops, held in state, counted as it passes.");
}
