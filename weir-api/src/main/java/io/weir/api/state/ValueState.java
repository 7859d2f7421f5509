package io.weir.api.state;

import java.io.IOException;

/** A single value per key. */
public interface ValueState<T> extends State {
    /** The value for the current key, or {@code null} if none was set. */
    T value() throws IOException;

    /** Sets the value for the current key; {@code null} clears it. */
    void update(T value) throws IOException;
}
