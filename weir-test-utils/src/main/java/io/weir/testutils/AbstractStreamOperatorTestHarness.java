package io.weir.testutils;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorFactory;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.StreamSource;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.operators.internal.InternalTimerServices;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.StateAssignment;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyedBackendParameters;
import io.weir.runtime.state.StateBackend;
import io.weir.runtime.task.Mailbox;
import io.weir.runtime.task.RuntimeOperatorContext;
import io.weir.runtime.task.SubtaskInfo;
import io.weir.runtime.task.TaskMailboxExecutor;
import io.weir.runtime.task.TaskWakeup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What every operator test harness has, whatever the number of inputs: the operator's context
 * (subtask, parallelism, key groups, keyed state and timers when an input is keyed, a manual
 * processing-time clock), its life cycle, and the output and side outputs it collected. The subclasses add the ways to feed inputs.
 *
 * <h2>Checkpoints</h2>
 * {@link #snapshot} takes the operator's state as a checkpoint would; {@link #initializeState}
 * hands such a state to a fresh operator in a new harness before {@link #open()}, as a restore
 * after a failure would. With {@link #repackageState} and {@link #repartitionOperatorState} a test
 * restores the state of several subtasks at another parallelism.
 *
 * <p>Threading: the operator runs on the test's thread, as it would on its task's thread.
 */
public abstract class AbstractStreamOperatorTestHarness<OUT> implements AutoCloseable {
    private StreamOperator<OUT> operator;
    /** For an operator created by a factory at {@link #setup()}; else {@code null}. */
    private final StreamOperatorFactory<OUT> operatorFactory;
    private final ConcurrentLinkedQueue<Object> output = new ConcurrentLinkedQueue<>();
    private final Map<OutputTag<?>, ConcurrentLinkedQueue<Object>> sideOutputs = new HashMap<>();
    private final TestProcessingTimeService processingTimeService = new TestProcessingTimeService();
    private final ExecutionConfig executionConfig = new ExecutionConfig();
    private final int maxParallelism;
    private final int parallelism;
    private final int subtaskIndex;
    private final KeySelector<?, ?>[] keySelectors;
    private AbstractKeyedStateBackend<Object> keyedStateBackend;
    private StateBackend stateBackend = new HashMapStateBackend();
    private Configuration backendConfiguration = new Configuration();
    private RuntimeOperatorContext context;
    private TypeInformation<?> keyType;
    private boolean stateInitialized;
    private final TaskWakeup wakeup = new TaskWakeup();
    private final Mailbox mailbox = new Mailbox(wakeup);
    private boolean setUp;
    private boolean opened;
    /** Whether feeding an element leaves the mailbox for later ({@link HarnessScript.Mode#ALL_AT_ONCE}). */
    private boolean deferMailbox;

    /**
     * @param keySelectors the key selector of each input, {@code null} for an unkeyed input; the
     *     operator gets keyed state when the first input is keyed
     */
    AbstractStreamOperatorTestHarness(StreamOperator<OUT> operator, KeySelector<?, ?>[] keySelectors,
            int maxParallelism, int parallelism, int subtaskIndex) {
        this(operator, null, keySelectors, maxParallelism, parallelism, subtaskIndex);
    }

    /** For an operator that {@code factory} creates at {@link #setup()}, with its parameters. */
    AbstractStreamOperatorTestHarness(StreamOperatorFactory<OUT> factory, KeySelector<?, ?>[] keySelectors,
            int maxParallelism, int parallelism, int subtaskIndex) {
        this(null, factory, keySelectors, maxParallelism, parallelism, subtaskIndex);
    }

    private AbstractStreamOperatorTestHarness(StreamOperator<OUT> operator, StreamOperatorFactory<OUT> factory,
            KeySelector<?, ?>[] keySelectors, int maxParallelism, int parallelism, int subtaskIndex) {
        if (subtaskIndex < 0 || subtaskIndex >= parallelism || parallelism > maxParallelism) {
            throw new IllegalArgumentException("Subtask " + subtaskIndex + " of parallelism " + parallelism
                    + " with max parallelism " + maxParallelism + " does not exist: need 0 <= subtask < parallelism"
                    + " <= max parallelism.");
        }
        this.operator = operator;
        this.operatorFactory = factory;
        this.keySelectors = keySelectors.clone();
        this.maxParallelism = maxParallelism;
        this.parallelism = parallelism;
        this.subtaskIndex = subtaskIndex;
    }

    /** The operator; for a factory-created one, only after {@link #setup()}. */
    StreamOperator<OUT> operator() {
        return operator;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    /**
     * Keeps the operator's keyed state in {@code backend} (the heap backend unless set), configured
     * by {@code configuration} (for RocksDB: {@code state.backend.rocksdb.localdir}). Call before
     * {@link #setup()}. Snapshots of the harness are always self-contained (canonical, as a
     * savepoint), so they restore into a harness on any backend.
     */
    public void setStateBackend(StateBackend backend, Configuration configuration) {
        if (setUp) {
            throw new IllegalStateException("Set the state backend before setup() or open().");
        }
        this.stateBackend = backend;
        this.backendConfiguration = configuration;
    }

    /** The type of the keys, which keyed state and timers are snapshotted with; set by the keyed harnesses. */
    void setKeyType(TypeInformation<?> keyType) {
        this.keyType = keyType;
    }

    /** Hands the operator its output and context; {@link #open()} does it if not done. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setup() {
        if (setUp) {
            return;
        }
        String name = operator != null ? operator.getClass().getSimpleName() : operatorFactory.getClass().getSimpleName();
        if (keySelectors[0] != null) {
            TypeSerializer keySerializer = keyType == null ? null : keyType.createSerializer(
                    executionConfig.getSerializerConfig());
            keyedStateBackend = stateBackend.createKeyedStateBackend(new KeyedBackendParameters<>(name, subtaskIndex,
                    maxParallelism, KeyGroupAssignment.rangeForOperator(maxParallelism, parallelism, subtaskIndex),
                    executionConfig.getSerializerConfig(), keySerializer, backendConfiguration));
        }
        context = new RuntimeOperatorContext(name,
                new SubtaskInfo(name, subtaskIndex, parallelism, maxParallelism, 0), executionConfig,
                getClass().getClassLoader(), keySelectors, keyedStateBackend, null, processingTimeService);
        wakeup.bindToCurrentThread();
        context.withMailboxExecutor(new TaskMailboxExecutor(mailbox, wakeup));
        if (operatorFactory != null) {
            operator = operatorFactory.createStreamOperator(new StreamOperatorParameters<>(new CollectingOutput(), context));
        } else {
            operator.setup(new StreamOperatorParameters<>(new CollectingOutput(), context));
        }
        setUp = true;
    }

    /**
     * Restores the operator's state from {@code state} (taken by {@link #snapshot} of another
     * harness, possibly of several subtasks combined by {@link #repackageState}), then lets the
     * operator initialize its state. Call on a fresh operator, before {@link #open()}; only the key
     * groups this subtask owns are taken.
     */
    public void initializeState(OperatorSubtaskState state) throws Exception {
        if (stateInitialized) {
            throw new IllegalStateException("The operator's state is initialized already: call initializeState "
                    + "once, before open(), on a new harness with a fresh operator.");
        }
        setup();
        if (state != null) {
            context.restoreState(state, 0);
        }
        operator.initializeState();
        stateInitialized = true;
    }

    /** Initializes the operator's state without restoring any; {@link #open()} does it if not done. */
    public void initializeEmptyState() throws Exception {
        initializeState(null);
    }

    public void open() throws Exception {
        if (!stateInitialized) {
            initializeEmptyState();
        }
        operator.open();
        opened = true;
    }

    /**
     * Takes the operator's state as checkpoint {@code checkpointId} would: the operator's
     * {@code prepareSnapshotPreBarrier} (what it emits goes to the output), its
     * {@code snapshotState}, then its keyed state, timers and operator state, serialized.
     */
    public OperatorSubtaskState snapshot(long checkpointId, long timestamp) throws Exception {
        checkOpen();
        operator.prepareSnapshotPreBarrier(checkpointId);
        if (operator instanceof StreamSource<?, ?> source) {
            synchronized (source.getCheckpointLock()) { // as the task does for a source function
                operator.snapshotState(checkpointId, timestamp);
            }
        } else {
            operator.snapshotState(checkpointId, timestamp);
        }
        return context.snapshotState(checkpointId, true);
    }

    /**
     * The snapshots of several subtasks of one operator as one state, as if one subtask had taken
     * it: what {@link #repartitionOperatorState} splits for a new parallelism, or what a harness of
     * parallelism 1 restores.
     */
    public static OperatorSubtaskState repackageState(OperatorSubtaskState... states) {
        return StateAssignment.combine(List.of(states));
    }

    /**
     * The part of {@code state} (the repackaged state of all {@code oldParallelism} subtasks) that
     * subtask {@code subtaskIndex} of {@code newParallelism} restores, as the runtime would hand it
     * out: its key groups, an even share of list state, all union list state, one copy of
     * broadcast state.
     */
    public static OperatorSubtaskState repartitionOperatorState(OperatorSubtaskState state, int maxParallelism,
            int oldParallelism, int newParallelism, int subtaskIndex) {
        if (oldParallelism < 1 || subtaskIndex < 0 || subtaskIndex >= newParallelism) {
            throw new IllegalArgumentException("Subtask " + subtaskIndex + " of parallelism " + newParallelism
                    + " (restored from parallelism " + oldParallelism + ") does not exist.");
        }
        return StateAssignment.assign(List.of(state), newParallelism, maxParallelism).get(subtaskIndex);
    }

    /** Tells the operator that checkpoint {@code checkpointId} completed. */
    public void notifyOfCompletedCheckpoint(long checkpointId) throws Exception {
        checkOpen();
        operator.notifyCheckpointComplete(checkpointId);
    }

    /** Tells the operator that checkpoint {@code checkpointId} was given up. */
    public void notifyOfAbortedCheckpoint(long checkpointId) throws Exception {
        checkOpen();
        operator.notifyCheckpointAborted(checkpointId);
    }

    /**
     * Moves the processing-time clock (it starts at 0) and runs, on this thread, every
     * processing-time timer and callback due by then, in time order.
     */
    public void setProcessingTime(long time) throws Exception {
        checkOpen();
        processingTimeService.setCurrentTime(time);
        runMailbox();
    }

    /**
     * Runs the mail queued so far, such as results that other threads handed to the operator's
     * mailbox, as the task's loop does between records. Feeding the harness does this too.
     */
    public void runMailbox() throws Exception {
        mailbox.runAll();
    }

    /**
     * Called after each element: runs the mail queued meanwhile, as the task's loop would between
     * records, unless a {@link HarnessScript} feeds a batch of elements at once.
     */
    protected void afterElement() throws Exception {
        if (!deferMailbox) {
            runMailbox();
        }
    }

    void setDeferMailbox(boolean defer) {
        this.deferMailbox = defer;
    }

    public long getProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    /** The manual processing-time clock the operator sees. */
    public TestProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    /** Number of event-time timers registered and not yet fired or deleted; 0 for a non-keyed operator. */
    public int numEventTimeTimers() {
        InternalTimerServices<?> timers = timers();
        return timers == null ? 0 : timers.numEventTimeTimers();
    }

    /** Number of processing-time timers registered and not yet fired or deleted; 0 for a non-keyed operator. */
    public int numProcessingTimeTimers() {
        InternalTimerServices<?> timers = timers();
        return timers == null ? 0 : timers.numProcessingTimeTimers();
    }

    private InternalTimerServices<?> timers() {
        return context == null ? null : context.getInternalTimerServices();
    }

    /** Everything emitted so far, in order: {@link StreamRecord}s, {@link Watermark}s and {@link WatermarkStatus}es. */
    public ConcurrentLinkedQueue<Object> getOutput() {
        return output;
    }

    /**
     * The records emitted so far to the side output {@code tag}, in order, or {@code null} if none
     * was emitted to it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <X> ConcurrentLinkedQueue<StreamRecord<X>> getSideOutput(OutputTag<X> tag) {
        return (ConcurrentLinkedQueue) sideOutputs.get(tag);
    }

    /** The values of the records emitted so far, in order. */
    @SuppressWarnings("unchecked")
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof StreamRecord) {
                values.add(((StreamRecord<OUT>) o).getValue());
            }
        }
        return values;
    }

    /** The records emitted so far, in order (without watermarks). */
    @SuppressWarnings("unchecked")
    public List<StreamRecord<OUT>> extractOutputStreamRecords() {
        List<StreamRecord<OUT>> records = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof StreamRecord) {
                records.add((StreamRecord<OUT>) o);
            }
        }
        return records;
    }

    /** Number of (key, state) entries in the keyed state; 0 for a non-keyed operator. */
    public int numKeyedStateEntries() {
        return keyedStateBackend == null ? 0 : keyedStateBackend.numKeyValueStateEntries();
    }

    /** The keyed state backend, to inspect state for a key ({@code setCurrentKey} then read the state). */
    @SuppressWarnings("unchecked")
    public <K> KeyedStateBackend<K> getKeyedStateBackend() {
        if (keyedStateBackend == null) {
            throw new IllegalStateException("This harness has no keyed state: use a keyed harness "
                    + "(KeyedOneInputStreamOperatorTestHarness or KeyedTwoInputStreamOperatorTestHarness).");
        }
        return (KeyedStateBackend<K>) keyedStateBackend;
    }

    @Override
    public void close() throws Exception {
        if (setUp) {
            try {
                operator.close();
            } finally {
                context.disposeState();
            }
        }
    }

    /** Fails with a clear message when the test feeds the operator before {@link #open()}. */
    protected void checkOpen() {
        if (!opened) {
            throw new IllegalStateException("Call open() on the harness before feeding it.");
        }
    }

    /** Records a copy of each emitted record (the operator may reuse its record objects). */
    private final class CollectingOutput implements Output<StreamRecord<OUT>> {
        @Override
        public void collect(StreamRecord<OUT> record) {
            output.add(record.copy(record.getValue()));
        }

        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            sideOutputs.computeIfAbsent(tag, t -> new ConcurrentLinkedQueue<>()).add(record.copy(record.getValue()));
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            output.add(watermark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
            output.add(watermarkStatus);
        }

        @Override
        public void close() {}
    }
}
