package io.weir.api.state;

import java.util.List;

/** A list of values per key. {@link #get()} returns an empty iterable when there are none. */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the whole list. */
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
