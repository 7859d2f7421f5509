package io.weir.runtime.operators.async;

import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryPredicate;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.MailboxExecutor;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import io.weir.api.transformations.AsyncWaitDescription;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * What {@code AsyncDataStream.orderedWait/unorderedWait} runs: starts an {@link AsyncFunction}
 * call per element and emits the results when they come back, keeping at most {@code capacity}
 * elements in flight.
 *
 * <ul>
 *   <li>Results arrive on the client's threads and are handed to the task's thread through its
 *       mailbox; nothing here runs concurrently with elements. The hand-off allocates nothing: a
 *       completed attempt is pushed onto a lock-free stack, and only the push onto an empty stack
 *       puts mail, which takes every attempt completed by the time it runs.</li>
 *   <li>A full queue is backpressure: {@code processElement} yields to the mailbox (running
 *       completions, timers) until a slot frees up; it never blocks the task otherwise. While it
 *       waits, completions are handed over in batches: the mail goes with the completion that
 *       brings the stack to half the capacity (at most the calls outstanding), not with the first
 *       one, so the task's thread wakes once per batch instead of once per result, and the client's
 *       threads still have calls queued while it emits and starts the next ones. A failed call
 *       puts mail at once, and a timer {@value #BATCH_WAIT_MILLIS} ms after the wait began ends a
 *       batch that does not fill (calls that complete late or never).</li>
 *   <li>ORDERED emits in input order. UNORDERED emits as results come, but never across a
 *       watermark: watermarks keep their place among the elements. The queue is a linked list of
 *       its entries, and each element knows how many watermarks came before it (its segment): an
 *       unordered result of the first segment is unlinked and emitted at once, in O(1); one of a
 *       later segment waits in place until the watermarks before it are emitted, and the
 *       segment's completed entries are then emitted in one pass.</li>
 *   <li>Each element has one timeout from its arrival, covering all its retries; then the
 *       function's {@code timeout} decides (by default the job fails).</li>
 * </ul>
 *
 * <p>Checkpoints: the elements and watermarks still in the queue (also completed ones not emitted
 * yet) are written to operator list state on a snapshot and submitted again, in order, when the
 * operator opens after a restore, so no element is lost and each gets a result; the function may
 * thus be called again for an element it was called for before the failure.
 *
 * <p>Starts a new chain, so that yielding to the mailbox never runs upstream operators re-entrantly.
 */
public class AsyncWaitOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, AsyncFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final String IN_FLIGHT_STATE = "_async_wait_operator_state_";
    private static final int RECORD = 0;
    private static final int RECORD_WITH_TIMESTAMP = 1;
    private static final int WATERMARK = 2;
    private static final VarHandle COMPLETED;
    /** The longest a full queue waits for a batch of completions before taking those there are. */
    static final long BATCH_WAIT_MILLIS = 1;

    static {
        try {
            COMPLETED = MethodHandles.lookup().findVarHandle(AsyncWaitOperator.Attempt.class, "completed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long timeoutMillis;
    private final int capacity;
    private final boolean ordered;
    private final AsyncRetryStrategy<OUT> retryStrategy;
    private final TypeInformation<IN> inputType;

    /** The queued elements in checkpoints: one entry each, see {@link #writeEntry}. */
    private transient ListState<byte[]> inFlightState;
    private transient TypeSerializer<IN> inputSerializer;
    /** The queue of the checkpoint restored from, submitted again in {@link #open}. */
    private transient List<byte[]> restoredQueue;
    /** The queue, oldest first, linked through {@link Entry#next} and {@link Entry#prev}; empty when {@code null}. */
    private transient Entry head;
    private transient Entry tail;
    private transient int queueSize;
    /** Watermarks queued and emitted so far: an element queued after the n-th watermark is in segment n. */
    private transient long watermarksQueued;
    private transient long watermarksEmitted;
    private transient MailboxExecutor mailbox;
    private transient ProcessingTimeService clock;
    private transient StreamRecord<OUT> reuse;
    /** Time of the registered timeout callback, {@code Long.MAX_VALUE} if none. */
    private transient long timeoutCallbackAt;
    /**
     * Attempts completed on the client's threads and not yet handled by the task's, newest first,
     * linked through {@link Attempt#next}; {@code null} when none (then the next completion puts mail).
     */
    private transient AtomicReference<Attempt> completedAttempts;
    /** The mail that handles the completed attempts. */
    private transient MailboxExecutor.Command handleCompleted;
    /**
     * The depth of {@link #completedAttempts} whose push puts the mail: 1 (the first completion)
     * except while a full queue waits, see {@link #waitForSlot}. Read by the client's threads.
     */
    private transient volatile int wakeDepth;
    /** Attempts that are an entry's current one and whose outcome was not handled yet (task's thread). */
    private transient int outstanding;
    /** Whether the timer that ends a batch wait is registered (task's thread). */
    private transient boolean batchTimerPending;

    /**
     * @param timeoutMillis timeout per element, or 0 for none
     * @param retryStrategy when to try again, or {@code null} never to
     * @param inputType the type of the elements, which checkpoints of elements in flight are written with
     */
    public AsyncWaitOperator(AsyncFunction<IN, OUT> function, long timeoutMillis, int capacity, boolean ordered,
            AsyncRetryStrategy<OUT> retryStrategy, TypeInformation<IN> inputType) {
        this(new AsyncWaitDescription<>(function, timeoutMillis, capacity, ordered, retryStrategy, inputType));
    }

    /** The operator {@code description} describes (which has checked the settings). */
    public AsyncWaitOperator(AsyncWaitDescription<IN, OUT> description) {
        super(description.function());
        this.timeoutMillis = description.timeoutMillis();
        this.capacity = description.capacity();
        this.ordered = description.ordered();
        this.retryStrategy = description.retryStrategy();
        this.inputType = description.inputType();
        setChainingStrategy(description.chainingStrategy());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        inputSerializer = inputType.createSerializer(getOperatorContext().getExecutionConfig().getSerializerConfig());
        inFlightState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(IN_FLIGHT_STATE,
                (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE)));
        restoredQueue = new ArrayList<>();
        for (byte[] entry : inFlightState.get()) {
            restoredQueue.add(entry);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        head = null;
        tail = null;
        queueSize = 0;
        watermarksQueued = 0;
        watermarksEmitted = 0;
        mailbox = getOperatorContext().getMailboxExecutor();
        clock = getProcessingTimeService();
        reuse = new StreamRecord<>(null);
        timeoutCallbackAt = Long.MAX_VALUE;
        completedAttempts = new AtomicReference<>();
        handleCompleted = this::handleCompleted;
        wakeDepth = 1;
        outstanding = 0;
        batchTimerPending = false;
        List<byte[]> restored = restoredQueue;
        restoredQueue = null;
        if (restored != null) {
            DataInputDeserializer in = new DataInputDeserializer();
            for (byte[] entry : restored) {
                in.setBuffer(entry);
                int kind = in.readByte();
                long timestamp = in.readLong();
                if (kind == WATERMARK) {
                    processWatermark(new Watermark(timestamp));
                } else {
                    IN value = inputSerializer.deserialize(in);
                    processElement(kind == RECORD_WITH_TIMESTAMP ? new StreamRecord<>(value, timestamp)
                            : new StreamRecord<>(value));
                }
            }
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<byte[]> entries = new ArrayList<>(queueSize);
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Entry entry = head; entry != null; entry = entry.next) {
            out.clear();
            writeEntry(entry, out);
            entries.add(out.getCopyOfBuffer());
        }
        inFlightState.update(entries);
    }

    /** One queue entry: its kind, its timestamp, and the element for a record. */
    private void writeEntry(Entry entry, DataOutputSerializer out) throws IOException {
        if (entry.watermark != null) {
            out.writeByte(WATERMARK);
            out.writeLong(entry.watermark.getTimestamp());
        } else {
            out.writeByte(entry.hasTimestamp ? RECORD_WITH_TIMESTAMP : RECORD);
            out.writeLong(entry.timestamp);
            inputSerializer.serialize(entry.input, out);
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        boolean hasTimestamp = element.hasTimestamp();
        long timestamp = element.getTimestamp();
        waitForSlot();
        long deadline = timeoutMillis > 0 ? clock.getCurrentProcessingTime() + timeoutMillis : Long.MAX_VALUE;
        Entry entry = new Entry(value, hasTimestamp, timestamp, deadline, null);
        append(entry);
        if (deadline < timeoutCallbackAt) {
            timeoutCallbackAt = deadline;
            clock.registerTimer(deadline, this::onTimeoutCallback);
        }
        entry.attempt();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        waitForSlot();
        append(new Entry(null, false, 0, Long.MAX_VALUE, mark));
        watermarksQueued++;
        emitReady(null);
    }

    /** All input has ended: wait (yielding) until every element in flight is emitted. */
    @Override
    public void endInput() throws Exception {
        while (queueSize > 0) {
            mailbox.yield();
        }
    }

    /**
     * Yields until the queue has a free slot. Each round asks for a batch: the mail comes when
     * {@code batch} completions are on the stack (or one failed, or the batch timer fired, or other
     * mail came); afterwards the first completion puts mail again, and what is on the stack is
     * handled here. Writing {@link #wakeDepth} before reading the stack (both volatile), while a
     * client pushes before reading it, means one of the two always sees the other: no completion is
     * left on the stack without mail.
     */
    private void waitForSlot() throws Exception {
        while (queueSize >= capacity) {
            int batch = Math.max(1, Math.min(capacity / 2, outstanding));
            if (batch > 1) {
                wakeDepth = batch;
                Attempt top = completedAttempts.get();
                if (top == null || top.depth < batch) {
                    if (!batchTimerPending) {
                        batchTimerPending = true;
                        clock.registerTimer(clock.getCurrentProcessingTime() + BATCH_WAIT_MILLIS,
                                time -> batchTimerPending = false);
                    }
                    mailbox.yield();
                }
                wakeDepth = 1;
                if (completedAttempts.get() != null) {
                    handleCompleted();
                }
            } else {
                mailbox.yield();
            }
        }
    }

    /**
     * On the task's thread: takes the attempts completed so far and handles their outcomes in the
     * order they completed.
     */
    private void handleCompleted() throws Exception {
        Attempt newestFirst = completedAttempts.getAndSet(null);
        Attempt oldestFirst = null;
        while (newestFirst != null) {
            Attempt next = newestFirst.next;
            newestFirst.next = oldestFirst;
            oldestFirst = newestFirst;
            newestFirst = next;
        }
        while (oldestFirst != null) {
            Attempt attempt = oldestFirst;
            oldestFirst = attempt.next;
            attempt.next = null;
            onOutcome(attempt.entry, attempt, attempt.result, attempt.error);
        }
    }

    /** On the task's thread: the outcome of one attempt of {@code entry}. */
    private void onOutcome(Entry entry, Attempt attempt, Collection<OUT> result, Throwable error) throws Exception {
        if (entry.done || attempt != entry.current) {
            return; // an attempt that was retried or timed out meanwhile
        }
        outstanding--;
        if (!entry.timedOut && shouldRetry(entry, result, error)) {
            entry.current = null;
            long backoff = retryStrategy.getBackoffTimeMillis(entry.attempts);
            clock.registerTimer(clock.getCurrentProcessingTime() + backoff, time -> {
                if (!entry.done && entry.current == null && !entry.timedOut) {
                    entry.attempt();
                }
            });
            return;
        }
        if (error != null) {
            throw new AsyncCallFailedException("The async call of operator '" + getOperatorContext().getOperatorName()
                    + "' for element " + entry.input + " failed after " + entry.attempts + " attempt(s)"
                    + (entry.timedOut ? " and timed out" : "") + ": " + error, error);
        }
        entry.result = result;
        entry.done = true;
        emitReady(entry);
    }

    private boolean shouldRetry(Entry entry, Collection<OUT> result, Throwable error) {
        if (retryStrategy == null || !retryStrategy.canRetry(entry.attempts)) {
            return false;
        }
        AsyncRetryPredicate<OUT> predicate = retryStrategy.getRetryPredicate();
        if (error != null) {
            Optional<Predicate<Throwable>> onError = predicate.exceptionPredicate();
            return onError.isPresent() && onError.get().test(error);
        }
        Optional<Predicate<Collection<OUT>>> onResult = predicate.resultPredicate();
        return onResult.isPresent() && onResult.get().test(result);
    }

    /** Hands the elements whose time is up to the function's {@code timeout}, then waits for the next deadline. */
    private void onTimeoutCallback(long time) throws Exception {
        timeoutCallbackAt = Long.MAX_VALUE;
        long next = Long.MAX_VALUE;
        // timeout() completes through the mailbox, so the queue does not change here
        for (Entry entry = head; entry != null; entry = entry.next) {
            if (entry.watermark != null || entry.done || entry.timedOut) {
                continue;
            }
            if (entry.deadline <= time) {
                entry.timedOut = true;
                if (entry.current == null) { // waiting for a retry: the timeout's attempt is a new one
                    outstanding++;
                }
                entry.current = new Attempt(entry);
                userFunction.timeout(entry.input, entry.current);
            } else {
                next = Math.min(next, entry.deadline);
            }
        }
        if (next < Long.MAX_VALUE) {
            timeoutCallbackAt = next;
            clock.registerTimer(next, this::onTimeoutCallback);
        }
    }

    /**
     * Emits what may go now that {@code completed} (or {@code null}: a watermark) was queued or
     * completed: ORDERED, the completed entries at the head; UNORDERED, {@code completed} if no
     * watermark is queued before it, and each watermark that comes to the head, followed by the
     * completed elements of the segment it opens.
     */
    private void emitReady(Entry completed) {
        if (ordered) {
            while (head != null && head.isDone()) {
                emit(unlink(head));
            }
            return;
        }
        if (completed != null && completed.segment == watermarksEmitted) {
            emit(unlink(completed));
        }
        while (head != null && head.watermark != null) {
            emit(unlink(head));
            watermarksEmitted++;
            for (Entry entry = head; entry != null && entry.watermark == null; ) {
                Entry next = entry.next;
                if (entry.done) {
                    emit(unlink(entry));
                }
                entry = next;
            }
        }
    }

    private void append(Entry entry) {
        entry.prev = tail;
        if (tail == null) {
            head = entry;
        } else {
            tail.next = entry;
        }
        tail = entry;
        queueSize++;
    }

    private Entry unlink(Entry entry) {
        Entry prev = entry.prev;
        Entry next = entry.next;
        if (prev == null) {
            head = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prev = prev;
        }
        entry.prev = null;
        entry.next = null;
        queueSize--;
        return entry;
    }

    private void emit(Entry entry) {
        if (entry.watermark != null) {
            output.emitWatermark(entry.watermark);
            return;
        }
        if (entry.result == null) {
            return;
        }
        for (OUT value : entry.result) {
            reuse.replace(value);
            if (entry.hasTimestamp) {
                reuse.setTimestamp(entry.timestamp);
            } else {
                reuse.eraseTimestamp();
            }
            output.collect(reuse);
        }
    }

    /** One element (or watermark) in flight. */
    private final class Entry {
        private final IN input;
        private final boolean hasTimestamp;
        private final long timestamp;
        private final long deadline;
        private final Watermark watermark;
        /** The watermarks queued before this element or watermark (see {@link #emitReady}). */
        private final long segment;
        private Entry prev;
        private Entry next;
        private int attempts;
        private Attempt current;
        private boolean timedOut;
        private boolean done;
        private Collection<OUT> result;

        Entry(IN input, boolean hasTimestamp, long timestamp, long deadline, Watermark watermark) {
            this.input = input;
            this.hasTimestamp = hasTimestamp;
            this.timestamp = timestamp;
            this.deadline = deadline;
            this.watermark = watermark;
            this.segment = watermarksQueued;
        }

        boolean isDone() {
            return watermark != null || done;
        }

        void attempt() throws Exception {
            attempts++;
            outstanding++;
            current = new Attempt(this);
            userFunction.asyncInvoke(input, current);
        }
    }

    /**
     * The {@link ResultFuture} of one attempt: its first completion is kept in the attempt, which
     * goes onto {@link #completedAttempts} for the task's thread.
     */
    private final class Attempt implements ResultFuture<OUT> {
        private final Entry entry;
        /** 1 once completed; set by compare-and-set through {@link #COMPLETED}, so only the first completion counts. */
        @SuppressWarnings("unused")
        private volatile int completed;
        // written before the push onto completedAttempts, read by the task's thread after it took the stack
        private Collection<OUT> result;
        private Throwable error;
        private Attempt next;
        /** How many attempts the stack holds with this one on top. */
        private int depth;

        Attempt(Entry entry) {
            this.entry = entry;
        }

        @Override
        public void complete(Collection<OUT> result) {
            handOver(result, null);
        }

        @Override
        public void completeExceptionally(Throwable error) {
            handOver(null, error);
        }

        private void handOver(Collection<OUT> result, Throwable error) {
            if (!COMPLETED.compareAndSet(this, 0, 1)) {
                return;
            }
            this.result = result;
            this.error = error;
            Attempt head;
            do {
                head = completedAttempts.get();
                next = head;
                depth = head == null ? 1 : head.depth + 1;
            } while (!completedAttempts.compareAndSet(head, this));
            if (depth == wakeDepth || error != null) {
                mailbox.execute(handleCompleted, "async results");
            }
        }
    }

    /** An async call failed and was not retried: fails the task. */
    public static final class AsyncCallFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        AsyncCallFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
