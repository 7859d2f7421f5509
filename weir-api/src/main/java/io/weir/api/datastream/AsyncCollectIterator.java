package io.weir.api.datastream;

import io.weir.api.execution.CloseableIterator;

/**
 * The iterator {@code collectAsync} hands out before the job exists: bound to the job's collect
 * results when the environment submits the job, and failing with a message if read before that.
 *
 * <p>Threading: bound by the thread that calls {@code executeAsync}, read by the program's thread
 * (usually the same one); the field is volatile so a reader on another thread sees the binding.
 */
final class AsyncCollectIterator<T> implements CloseableIterator<T> {
    private volatile CloseableIterator<T> results;

    void bind(CloseableIterator<T> jobResults) {
        this.results = jobResults;
    }

    private CloseableIterator<T> results() {
        CloseableIterator<T> bound = results;
        if (bound == null) {
            throw new IllegalStateException("The job is not started yet: a collectAsync() iterator can be read only"
                    + " after env.executeAsync() (or execute() on another thread) submitted the job.");
        }
        return bound;
    }

    @Override
    public boolean hasNext() {
        return results().hasNext();
    }

    @Override
    public T next() {
        return results().next();
    }

    /** Cancels the job if it was started; does nothing otherwise. */
    @Override
    public void close() throws Exception {
        CloseableIterator<T> bound = results;
        if (bound != null) {
            bound.close();
        }
    }
}
