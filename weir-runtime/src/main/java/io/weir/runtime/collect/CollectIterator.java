package io.weir.runtime.collect;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.TypeSerializer;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The client's iterator over a collect sink's results. {@code hasNext} waits for the next batch;
 * if the job failed, it throws with the failure as cause. Closing it cancels the job if it is
 * still running.
 */
public final class CollectIterator<T> implements CloseableIterator<T> {
    private final Supplier<CompletableFuture<CollectResults>> fetcher;
    private final TypeSerializer<T> serializer;
    private final Runnable cancelJob;
    private final ArrayDeque<T> buffered = new ArrayDeque<>();
    private final DataInputDeserializer in = new DataInputDeserializer();
    private boolean ended;
    private boolean closed;

    public CollectIterator(Supplier<CompletableFuture<CollectResults>> fetcher, TypeSerializer<T> serializer,
            Runnable cancelJob) {
        this.fetcher = fetcher;
        this.serializer = serializer;
        this.cancelJob = cancelJob;
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty() && !ended && !closed) {
            CollectResults results;
            try {
                results = fetcher.get().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for results", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not fetch results of the job: " + e.getCause(), e.getCause());
            }
            for (CollectBatch batch : results.batches()) {
                decode(batch);
            }
            if (results.ended()) {
                ended = true;
                if (results.failure() != null && buffered.isEmpty()) {
                    throw new IllegalStateException("The job failed: " + results.failure(), results.failure());
                }
            }
        }
        return !buffered.isEmpty();
    }

    private void decode(CollectBatch batch) {
        in.setBuffer(batch.data(), 0, batch.data().length);
        try {
            for (int i = 0; i < batch.count(); i++) {
                buffered.add(serializer.deserialize(in));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not read a result record", e);
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffered.poll();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!ended) {
                cancelJob.run();
            }
        }
    }
}
