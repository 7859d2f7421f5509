package io.weir.api.state;

/** Keyed state: one value per key, scoped to the key of the element being processed. */
public interface State {
    /** Removes the value for the current key. */
    void clear();
}
