package io.weir.testutils;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.InternalTimerServices;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyGroupAssignment;
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
 * Runs one operator without a cluster: feed elements and watermarks, then read what it emitted.
 * The operator runs on the test's thread, as it would on its task's thread.
 *
 * <pre>{@code
 * var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(x -> x * 2));
 * harness.open();
 * harness.processElement(21, 100L);
 * assertEquals(List.of(42), harness.extractOutputValues());
 * }</pre>
 */
public class OneInputStreamOperatorTestHarness<IN, OUT> implements AutoCloseable {
    private final OneInputStreamOperator<IN, OUT> operator;
    private final ConcurrentLinkedQueue<Object> output = new ConcurrentLinkedQueue<>();
    private final Map<OutputTag<?>, ConcurrentLinkedQueue<Object>> sideOutputs = new HashMap<>();
    private final ExecutionConfig executionConfig = new ExecutionConfig();
    private final int maxParallelism;
    private final int parallelism;
    private final int subtaskIndex;
    private final KeySelector<IN, ?> keySelector;
    private final TestProcessingTimeService processingTimeService = new TestProcessingTimeService();
    private HeapKeyedStateBackend<Object> keyedStateBackend;
    private RuntimeOperatorContext context;
    private final TaskWakeup wakeup = new TaskWakeup();
    private final Mailbox mailbox = new Mailbox(wakeup);
    private boolean setUp;
    private boolean opened;

    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator) {
        this(operator, 128, 1, 0);
    }

    /** A harness for subtask {@code subtaskIndex} of {@code parallelism}, with {@code maxParallelism} key groups. */
    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, int maxParallelism,
            int parallelism, int subtaskIndex) {
        this(operator, null, maxParallelism, parallelism, subtaskIndex);
    }

    OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, ?> keySelector,
            int maxParallelism, int parallelism, int subtaskIndex) {
        this.operator = operator;
        this.keySelector = keySelector;
        this.maxParallelism = maxParallelism;
        this.parallelism = parallelism;
        this.subtaskIndex = subtaskIndex;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    /** Hands the operator its output and context; {@link #open()} does it if not done. */
    public void setup() {
        if (setUp) {
            return;
        }
        String name = operator.getClass().getSimpleName();
        if (keySelector != null) {
            keyedStateBackend = new HeapKeyedStateBackend<>(name, subtaskIndex, maxParallelism,
                    KeyGroupAssignment.rangeForOperator(maxParallelism, parallelism, subtaskIndex),
                    executionConfig.getSerializerConfig());
        }
        context = new RuntimeOperatorContext(name,
                new SubtaskInfo(name, subtaskIndex, parallelism, maxParallelism, 0), executionConfig,
                getClass().getClassLoader(), keySelector, keyedStateBackend, null, processingTimeService);
        wakeup.bindToCurrentThread();
        context.withMailboxExecutor(new TaskMailboxExecutor(mailbox, wakeup));
        operator.setup(new StreamOperatorParameters<>(new CollectingOutput(), context));
        setUp = true;
    }

    public void open() throws Exception {
        setup();
        operator.open();
        opened = true;
    }

    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(value, timestamp));
    }

    public void processElement(StreamRecord<IN> record) throws Exception {
        checkOpen();
        operator.setKeyContextElement(record);
        operator.processElement(record);
        runMailbox();
    }

    /**
     * Runs the mail queued so far, such as results that other threads handed to the operator's
     * mailbox, as the task's loop does between records. Feeding the harness does this too.
     */
    public void runMailbox() throws Exception {
        mailbox.runAll();
    }

    /** Feeds all elements, one after the other. */
    public void processElements(List<StreamRecord<IN>> records) throws Exception {
        for (StreamRecord<IN> r : records) {
            processElement(r);
        }
    }

    public void processWatermark(long timestamp) throws Exception {
        processWatermark(new Watermark(timestamp));
    }

    /** Feeds a watermark: event-time timers at or before it fire, then the operator forwards it. */
    public void processWatermark(Watermark watermark) throws Exception {
        checkOpen();
        operator.processWatermark(watermark);
        runMailbox();
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

    /** Feeds an idle or active status, as an input channel would. */
    public void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception {
        checkOpen();
        operator.processWatermarkStatus(watermarkStatus);
    }

    /** Ends the input: {@code endInput()} for bounded operators, then {@code finish()}. */
    public void endInput() throws Exception {
        checkOpen();
        if (operator instanceof BoundedOneInput) {
            ((BoundedOneInput) operator).endInput();
        }
        operator.finish();
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
            throw new IllegalStateException("This harness has no keyed state: use KeyedOneInputStreamOperatorTestHarness.");
        }
        return (KeyedStateBackend<K>) keyedStateBackend;
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    @Override
    public void close() throws Exception {
        if (setUp) {
            operator.close();
        }
    }

    private void checkOpen() {
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
