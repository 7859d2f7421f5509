package io.weir.connector.jdbc;

import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.operators.ProcessingTimeService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects records into a batch and writes it when it is full, when the batch interval has passed
 * since its first record, at every checkpoint and at the end of the input.
 *
 * <p>At-least-once: the runtime calls {@link #flush} while it takes a checkpoint, and the
 * checkpoint is not acknowledged before the flush returned, so every record before a completed
 * checkpoint is in the database. Records after it are written again after a restore; with an
 * idempotent statement (an upsert) the table ends as if they were written once.
 *
 * <p>Threading: everything runs on the task's thread — the interval flush too, through a
 * processing-time timer, which fires between elements. So the connection needs no lock.
 */
final class JdbcWriter<T> implements SinkWriter<T> {
    private final JdbcOutput<T> output;
    private final int batchSize;
    private final long batchIntervalMs;
    private final ProcessingTimeService timeService;
    private List<T> buffer;
    private long batchNumber;
    /** When the current batch's interval ends: its first record's time plus the interval. */
    private long batchDueTime;
    private boolean timerPending;

    JdbcWriter(JdbcOutput<T> output, JdbcExecutionOptions options, ProcessingTimeService timeService) {
        this.output = output;
        this.batchSize = options.getBatchSize();
        this.batchIntervalMs = options.getBatchIntervalMs();
        this.timeService = timeService;
        this.buffer = new ArrayList<>(Math.min(batchSize, 1024));
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        buffer.add(element);
        if (buffer.size() >= batchSize) {
            writeBatch();
        } else if (buffer.size() == 1 && batchIntervalMs > 0) {
            batchDueTime = timeService.getCurrentProcessingTime() + batchIntervalMs;
            if (!timerPending) {
                scheduleIntervalFlush(batchDueTime);
            }
        }
    }

    /** One timer at a time; when it fires for a batch already written, it is set again for the current one. */
    private void scheduleIntervalFlush(long time) {
        timerPending = true;
        timeService.registerTimer(time, now -> {
            timerPending = false;
            if (buffer.isEmpty()) {
                return;
            }
            if (now >= batchDueTime) {
                writeBatch();
            } else {
                scheduleIntervalFlush(batchDueTime);
            }
        });
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (!buffer.isEmpty()) {
            writeBatch();
        }
    }

    private void writeBatch() throws IOException, InterruptedException {
        output.write(buffer);
        buffer = new ArrayList<>(Math.min(batchSize, 1024));
        batchNumber++;
    }

    /** Batches that were written; for tests. */
    long writtenBatches() {
        return batchNumber;
    }

    @Override
    public void close() {
        output.close();
    }
}
