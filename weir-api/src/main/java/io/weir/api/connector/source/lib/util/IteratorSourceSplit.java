package io.weir.api.connector.source.lib.util;

import io.weir.api.connector.source.SourceSplit;
import java.util.Iterator;

/**
 * A split whose records an iterator produces, read by an {@link IteratorSourceReader}: the split
 * hands out a fresh iterator over its records, and makes the split that holds what an iterator
 * has not returned yet, which is what a checkpoint keeps of a split being read.
 *
 * @param <E> the records
 * @param <IterT> the iterator over them
 */
public interface IteratorSourceSplit<E, IterT extends Iterator<E>> extends SourceSplit {
    /** A new iterator over this split's records, from its first. */
    IterT getIterator();

    /**
     * The split of the records {@code iterator} (one from {@link #getIterator()} of this split) has
     * not returned yet; called only while it has more.
     */
    IteratorSourceSplit<E, IterT> getUpdatedSplitForIterator(IterT iterator);
}
