package io.weir.runtime.task;

import io.weir.api.functions.source.SourceFunction;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;

/**
 * The context a source function emits through: each emit runs the task's operator chain on the
 * calling thread, holding the {@link CheckpointLock}, and returns when the chain is done with the
 * element. Nothing is queued and nothing is allocated per element.
 *
 * <h2>Threading</h2>
 * Used by the source thread only (see {@link SourceFunctionInput}); {@link #getCheckpointLock()}
 * from any thread. The idle flag is read and written holding the lock.
 */
final class SourceFunctionContext<T> implements SourceFunction.SourceContext<T> {
    private final CheckpointLock lock;
    private final Object monitor;
    private final Output<StreamRecord<T>> output;
    private final StreamRecord<T> record = new StreamRecord<>(null);
    /** The function marked itself idle and has emitted nothing since. */
    private boolean idle;

    SourceFunctionContext(CheckpointLock lock, Output<StreamRecord<T>> output) {
        this.lock = lock;
        this.monitor = lock.monitor();
        this.output = output;
    }

    @Override
    public void collect(T element) {
        lock.beforeElement();
        synchronized (monitor) {
            becomeActive();
            record.replace(element);
            record.eraseTimestamp();
            output.collect(record);
        }
    }

    @Override
    public void collectWithTimestamp(T element, long timestamp) {
        lock.beforeElement();
        synchronized (monitor) {
            becomeActive();
            output.collect(record.replace(element, timestamp));
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        lock.beforeElement();
        synchronized (monitor) {
            becomeActive();
            output.emitWatermark(mark);
        }
    }

    @Override
    public void markAsTemporarilyIdle() {
        lock.beforeElement();
        synchronized (monitor) {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            }
        }
    }

    private void becomeActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }

    @Override
    public Object getCheckpointLock() {
        return monitor;
    }

    @Override
    public void close() {}
}
