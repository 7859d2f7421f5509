package io.weir.api.connector.source;

/** What {@link SourceReader#pollNext} says about what comes next. */
public enum InputStatus {
    /** Call pollNext again at once. */
    MORE_AVAILABLE,
    /** Nothing now: wait for {@link SourceReader#isAvailable()}. */
    NOTHING_AVAILABLE,
    /** The reader has read everything it ever will. */
    END_OF_INPUT
}
