package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands what a source function emits on its own thread to the task's thread: a bounded ring of
 * elements (records, records with timestamps, watermarks, idle marks) with one producer and one
 * consumer.
 *
 * <h2>Threading</h2>
 * {@link #put} and {@link #finish} are called by the source thread only, {@link #emitNext} by the
 * task's thread only. The producer writes an element, then publishes it with one volatile write of
 * {@code tail}; the consumer emits everything published, up to a batch, and frees the slots with one
 * volatile write of {@code head}. Neither takes a lock and nothing is allocated per element.
 * When the ring is full the producer parks until the consumer frees slots (backpressure reaches
 * the source function, never the task). When it is empty the consumer sets the WAITING request and
 * returns NOTHING_AVAILABLE; the producer, which reads the request word after each publication,
 * wakes the task. Requests and their checks are ordered by volatile accesses on both sides, so a
 * wake-up is never lost.
 */
final class SourceHandover<T> {
    private static final byte RECORD = 0;
    private static final byte RECORD_WITH_TIMESTAMP = 1;
    private static final byte WATERMARK = 2;
    private static final byte IDLE = 3;

    /** Request bits the consumer sets for the producer. */
    private static final int WAITING = 1;
    private static final int PUBLISH_ACCUMULATORS = 2;
    private static final int RELEASED = 4;

    private final Object[] values;
    private final long[] timestamps;
    private final byte[] kinds;
    private final int mask;
    private final int capacity;
    private final TaskWakeup wakeup;
    private final Runnable publishAccumulators;

    /**
     * {@code head} (next slot the consumer reads, written by the consumer) and {@code tail} (next
     * slot the producer writes, written by the producer), 128 bytes apart so that the two threads
     * do not write the same cache line.
     */
    private final AtomicLongArray positions = new AtomicLongArray(32);
    private static final int HEAD = 8;
    private static final int TAIL = 24;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean producerParked;
    private volatile Thread producer;
    private volatile boolean ended;
    private volatile Throwable failure;
    private volatile boolean released;

    // producer-local
    private long producerTail;
    private long knownHead;

    // consumer-local
    private final StreamRecord<T> record = new StreamRecord<>(null);
    /** The function marked itself idle and has emitted nothing since. */
    private boolean idle;

    /** {@code publishAccumulators} runs on the producer's thread when the consumer asks for it. */
    SourceHandover(int capacity, TaskWakeup wakeup, Runnable publishAccumulators) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.values = new Object[capacity];
        this.timestamps = new long[capacity];
        this.kinds = new byte[capacity];
        this.wakeup = wakeup;
        this.publishAccumulators = publishAccumulators;
    }

    // ---- producer side (the source thread) ----

    void bindProducer(Thread thread) {
        producer = thread;
    }

    void putRecord(T value) {
        put(RECORD, value, 0);
    }

    void putRecord(T value, long timestamp) {
        put(RECORD_WITH_TIMESTAMP, value, timestamp);
    }

    void putWatermark(long timestamp) {
        put(WATERMARK, null, timestamp);
    }

    /** The source function marked itself idle; its next record or watermark makes it active again. */
    void putIdle() {
        put(IDLE, null, 0);
    }

    private void put(byte kind, Object value, long timestamp) {
        long t = producerTail;
        if (t - knownHead >= capacity) {
            awaitSpace(t);
        }
        int i = (int) t & mask;
        kinds[i] = kind;
        values[i] = value;
        timestamps[i] = timestamp;
        producerTail = t + 1;
        positions.set(TAIL, t + 1);
        if (requests.get() != 0) {
            serveRequests();
        }
    }

    private void awaitSpace(long t) {
        knownHead = positions.get(HEAD);
        while (t - knownHead >= capacity) {
            if (released) {
                throw new TaskCancelledException();
            }
            producerParked = true;
            knownHead = positions.get(HEAD);
            if (t - knownHead < capacity) {
                break;
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                producerParked = false;
                throw new TaskCancelledException();
            }
            knownHead = positions.get(HEAD);
        }
        producerParked = false;
    }

    private void serveRequests() {
        int r = requests.get();
        if ((r & RELEASED) != 0) {
            throw new TaskCancelledException();
        }
        if ((r & PUBLISH_ACCUMULATORS) != 0) {
            requests.getAndUpdate(x -> x & ~PUBLISH_ACCUMULATORS);
            publishAccumulators.run();
        }
        // one wake-up per wait: the task then takes all that arrived meanwhile in one go, where a
        // signal per element would cost the producer a system call each
        if ((r & WAITING) != 0 && (requests.getAndUpdate(x -> x & ~WAITING) & WAITING) != 0) {
            wakeup.signal();
        }
    }

    /** The source function returned ({@code failure == null}) or threw; the stream ends after what was put. */
    void finish(Throwable error) {
        failure = error;
        ended = true;
        wakeup.signal();
    }

    // ---- consumer side (the task's thread) ----

    /** Asks the producer to publish copies of its accumulators the next time it emits. */
    void requestAccumulators() {
        requests.getAndUpdate(x -> x | PUBLISH_ACCUMULATORS);
    }

    /**
     * Emits up to {@code maxElements} published elements into {@code output}. Throws the source
     * function's exception once it failed.
     */
    @SuppressWarnings("unchecked")
    InputStatus emitNext(Output<StreamRecord<T>> output, int maxElements) throws Exception {
        long h = positions.get(HEAD);
        long available = positions.get(TAIL) - h;
        if (available == 0) {
            requests.getAndUpdate(x -> x | WAITING);
            boolean finished = ended;
            available = positions.get(TAIL) - h;
            if (available == 0) {
                if (finished) {
                    rethrowFailure();
                    return InputStatus.END_OF_INPUT;
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        if ((requests.get() & WAITING) != 0) {
            requests.getAndUpdate(x -> x & ~WAITING);
        }
        if (ended) {
            rethrowFailure();
        }
        int n = (int) Math.min(available, maxElements);
        for (int k = 0; k < n; k++) {
            int i = (int) (h + k) & mask;
            byte kind = kinds[i];
            if (idle && kind != IDLE) {
                idle = false;
                output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            }
            switch (kind) {
                case RECORD:
                    record.replace((T) values[i]);
                    record.eraseTimestamp();
                    output.collect(record);
                    break;
                case RECORD_WITH_TIMESTAMP:
                    output.collect(record.replace((T) values[i], timestamps[i]));
                    break;
                case IDLE:
                    if (!idle) {
                        idle = true;
                        output.emitWatermarkStatus(WatermarkStatus.IDLE);
                    }
                    break;
                default:
                    output.emitWatermark(new Watermark(timestamps[i]));
            }
            values[i] = null;
        }
        positions.set(HEAD, h + n);
        if (producerParked) {
            LockSupport.unpark(producer);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void rethrowFailure() throws Exception {
        Throwable f = failure;
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("The source function failed", f);
        }
    }

    /** The task stops consuming: a producer waiting for space, or putting later, is stopped. */
    void release() {
        released = true;
        requests.getAndUpdate(x -> x | RELEASED);
        Thread p = producer;
        if (p != null) {
            LockSupport.unpark(p);
        }
    }
}
