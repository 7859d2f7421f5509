package io.weir.api.execution;

import java.util.Iterator;

/** An iterator over results that holds resources (a running job): close it when done. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close() throws Exception;
}
