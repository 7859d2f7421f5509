package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.metrics.Gauge;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamSource;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.InFlightData;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.checkpoint.CheckpointMetrics;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.coordination.OperatorEventHandler;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.exchange.ConnectionPattern;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.DataExchange;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.metrics.WaitTimer;
import io.weir.runtime.source.SourceOperator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running subtask: a chain of operators driven by one thread through a mailbox loop.
 *
 * <h2>Threading</h2>
 * {@link #run()} is the task's thread. Everything that touches operators runs on it: input
 * records, watermarks, processing-time timers, operator events, buffer flushes. Other threads only put mail
 * ({@link #deliverOperatorEvent}) or {@link #cancel()}. The one exception is a task whose head runs
 * a source function: its own thread runs the chain inside each emit, and this thread runs the mail;
 * both hold the task's checkpoint lock, so the operators are still called by one thread at a time
 * (see {@link SourceFunctionInput}). Accumulator reports are
 * taken on the task's thread, as mail, and at the end. The loop never blocks except while waiting
 * for input (woken by {@link TaskWakeup}) or for a free output buffer (backpressure).
 *
 * <h2>Life cycle</h2>
 * Build the chain, open the operators tail first, loop until all input has ended, end the input
 * and finish the operators head first, send end-of-partition downstream, close the operators.
 * With checkpointing enabled the task does not close right after its end of data: it reports it
 * ({@link Listener#endOfData}) and keeps running its mail — taking every checkpoint sent to it
 * directly (the barriers no longer reach it in-band, and it sends none downstream, where its
 * channels have ended) and passing on completions, so two-phase-commit sinks commit what they wrote
 * last — until the job's final checkpoint ({@link CheckpointBarrier#endsJob()}) completed.
 * Cancellation interrupts the thread; the task ends CANCELED. An interrupt that is not a cancellation,
 * and any other exception, end it FAILED.
 * A task restored as finished ({@link TaskDeployment#finishedOnRestore}) skips the input: see
 * {@link #runRestoredAsFinished}.
 * A task that took its part of a stop-with-savepoint reads nothing more and, once told the
 * savepoint completed, ends FINISHED without ending its input: its operators are closed, not
 * finished, so nothing after the savepoint is emitted or committed.
 */
public final class StreamTask implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);

    /** How a task ended. */
    public enum Outcome { FINISHED, CANCELED, FAILED }

    /** Told how the task ended; called on the task's thread as its last action. */
    public interface Listener {
        void taskEnded(StreamTask task, Outcome outcome, Throwable failure);

        /**
         * Copies of the task's accumulators, periodically and once more just before {@link #taskEnded};
         * called on the task's thread.
         */
        default void accumulatorsReported(StreamTask task, Map<String, Accumulator<?, ?>> accumulators) {}

        /**
         * The task's input ended and its operators finished; it now waits for the job's final checkpoint
         * (only with checkpointing enabled). Called on the task's thread.
         */
        default void endOfData(StreamTask task) {}

        /**
         * The task took its part of a checkpoint: the barrier went downstream and {@code state} is a
         * consistent snapshot of its operators, to be persisted and acknowledged; {@code metrics} says
         * how the synchronous part went (its asynchronous duration is still 0). Called on the task's thread.
         */
        default void checkpointTaken(StreamTask task, CheckpointBarrier barrier, TaskStateSnapshot state,
                CheckpointMetrics metrics) {}
    }

    private final TaskDeployment deployment;
    private final DataExchange exchange;
    private final ScheduledExecutorService timers;
    private final Map<StreamNode, OperatorEventGateway> gateways;
    private final Listener listener;
    private final TaskWakeup wakeup = new TaskWakeup();
    private final Mailbox mailbox = new Mailbox(wakeup);
    private final Map<Integer, OperatorEventHandler> eventHandlers = new HashMap<>();
    private volatile boolean cancelled;
    private volatile Thread thread;
    private volatile boolean flushPending;
    private volatile boolean reportPending;
    private final TaskAccumulators accumulators;
    private final ScopedMetricGroup metrics;
    private final WaitTimer idle = new WaitTimer();
    private final WaitTimer backPressured = new WaitTimer();
    private final CheckpointingSettings checkpointing;
    /** Trigger to first barrier of the latest checkpoint, in ns (the {@code checkpointStartDelayNanos} metric). */
    private volatile long lastStartDelayNanos;
    // set and used on the task's thread only
    private OperatorChain chain;
    private NetworkInput networkInput;
    /** Aligns the barriers of a task with inputs; {@code null} for a source task. */
    private CheckpointBarrierHandler barrierHandler;
    private TaskInput input;
    /** The stop-with-savepoint this task took its part of and waits to see completed, or -1. */
    private long stopWithSavepointId = -1;
    /** The unaligned checkpoint whose snapshot is taken and whose in-flight input is still being recorded. */
    private UnalignedSnapshot unaligned;
    private boolean stopped;
    /** The input ended and the operators finished; the task waits for the job's final checkpoint. */
    private boolean dataEnded;
    /** The newest checkpoint this task took its part of, so a direct trigger of one taken in-band is ignored. */
    private long lastCheckpointTaken = -1;
    /** The job's final checkpoint this task took its part of, or -1. */
    private long finalCheckpointId = -1;
    private boolean finalCheckpointCompleted;

    /** @param metrics the task's metric group; the task registers its built-in metrics and its operators' groups */
    public StreamTask(TaskDeployment deployment, DataExchange exchange, ScheduledExecutorService timers,
            Map<StreamNode, OperatorEventGateway> gateways, Listener listener, ScopedMetricGroup metrics) {
        this.deployment = deployment;
        this.exchange = exchange;
        this.timers = timers;
        this.gateways = gateways;
        this.listener = listener;
        this.accumulators = new TaskAccumulators(deployment.taskName());
        this.metrics = metrics;
        this.checkpointing = CheckpointingSettings.of(deployment.job().getConfiguration());
    }

    public TaskDeployment deployment() {
        return deployment;
    }

    public String name() {
        return deployment.taskName();
    }

    /** The id of the thread that runs this task, or -1 before it started (flame graphs sample that thread). */
    public long threadId() {
        Thread t = thread;
        return t == null ? -1 : t.getId();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        wakeup.bindToCurrentThread();
        Outcome outcome;
        Throwable failure = null;
        try {
            invoke();
            outcome = Outcome.FINISHED;
        } catch (Throwable t) {
            if (cancelled) {
                outcome = Outcome.CANCELED;
            } else {
                // interrupted without being cancelled: some thread outside Weir interrupted the task's thread;
                // ending CANCELED would leave its consumers waiting for input that never comes
                outcome = Outcome.FAILED;
                failure = t instanceof TaskCancelledException || t instanceof InterruptedException
                        ? new IllegalStateException("The thread of task " + name() + " was interrupted although the "
                                + "task was not cancelled (something outside Weir interrupted it)", t)
                        : ChainedOperatorException.unwrap(t);
                LOG.warn("Task {} failed", name(), failure);
            }
        }
        Thread.interrupted();
        try {
            reportAccumulators();
        } catch (Throwable t) {
            // a user accumulator whose clone() fails: the job must still learn how the task ended
            LOG.warn("Task {} could not report its accumulators", name(), t);
            if (outcome == Outcome.FINISHED) {
                outcome = Outcome.FAILED;
                failure = t;
            }
        }
        listener.taskEnded(this, outcome, failure);
    }

    private void invoke() throws Exception {
        long bufferTimeout = bufferTimeout();
        boolean flushEveryRecord = bufferTimeout == 0;
        SystemProcessingTimeService processingTime = new SystemProcessingTimeService(timers, mailbox);
        chain = new OperatorChain(deployment, exchange, flushEveryRecord, new OperatorChain.TaskServices(
                gateways::get, processingTime, new TaskMailboxExecutor(mailbox, wakeup), accumulators, metrics));
        for (int i = 0; i < deployment.vertex().getChain().size(); i++) {
            Object op = chain.operators().get(i);
            if (op instanceof OperatorEventHandler) {
                eventHandlers.put(deployment.vertex().getChain().get(i).getId(), (OperatorEventHandler) op);
            }
        }
        if (deployment.finishedOnRestore()) {
            runRestoredAsFinished(processingTime);
            return;
        }
        TaskInput input = createInput(chain);
        this.input = input;
        TaskMetrics.register(metrics, chain, input, idle, backPressured,
                deployment.job().getConfiguration().get(TaskManagerOptions.NETWORK_BUFFERS_PER_CHANNEL));
        metrics.gauge("checkpointStartDelayNanos", (Gauge<Long>) () -> lastStartDelayNanos);
        // savepoints come without checkpointing enabled too; aligned unless at-least-once checkpoints are asked for
        NetworkInput network = input.network();
        if (network != null) {
            networkInput = network;
            TaskStateSnapshot restored = deployment.restoredState();
            if (restored != null) {
                network.replay(restored.inFlight().inputs()); // an unaligned checkpoint's in-flight records first
            }
            CheckpointBarrierHandler barriers = CheckpointBarrierHandler.create(checkpointing.exactlyOnce(),
                    checkpointing.unaligned(), barrierChannels(network), new BarrierCallbacks());
            network.setBarrierHandler(barriers);
            barrierHandler = barriers;
            metrics.gauge("checkpointAlignmentTime", (Gauge<Long>) barriers::lastAlignmentNanos);
        }
        ScheduledFuture<?> flusher = bufferTimeout > 0 ? scheduleFlushes(chain, bufferTimeout) : null;
        ScheduledFuture<?> reporter = scheduleAccumulatorReports(input);
        boolean ended = false;
        try {
            chain.open();
            input.start(wakeup, mailbox);
            if (networkInput != null && checkpointing.alignedFirst()) {
                networkInput.enableAlignmentTimeout(checkpointing.alignedTimeout(), timers);
            }
            runLoop(input);
            if (!stopped) {
                chain.endInput();
                ended = true;
                if (checkpointing.enabled()) {
                    processingTime.quiesce(); // finished operators fire no more timers
                    if (flusher != null) {
                        flusher.cancel(false); // the outputs have ended
                    }
                    awaitFinalCheckpoint();
                }
            }
        } finally {
            processingTime.quiesce();
            if (flusher != null) {
                flusher.cancel(false);
            }
            reporter.cancel(false);
            if (!ended) {
                input.release();
                chain.releaseOutputs();
            }
            chain.close();
        }
    }

    /**
     * The channels the barrier handler aligns: the network input's, then one per chained source (the
     * trigger of a checkpoint delivers its barrier there, see {@link ChainedSourcesInput}).
     */
    private boolean[] barrierChannels(NetworkInput network) {
        boolean[] connected = network.connectedChannels();
        int sources = deployment.vertex().getChainedSources().size();
        boolean[] all = Arrays.copyOf(connected, connected.length + sources);
        Arrays.fill(all, connected.length, all.length, true);
        return all;
    }

    /**
     * Runs a task restored as finished: it ended its data before the restored checkpoint, so it
     * reads no input and finishes no operator again. Its operators' state is restored and, but for a
     * source head, they open (a sink commits what the checkpoint holds for it); its outputs end at
     * once, and it takes its part of every checkpoint until the job's final one completed.
     */
    private void runRestoredAsFinished(SystemProcessingTimeService processingTime) throws Exception {
        LOG.info("Task {} had finished before checkpoint {}: its state is restored, it does not run again", name(),
                deployment.restoredState() == null ? "?" : deployment.restoredState().checkpointId());
        processingTime.quiesce(); // finished operators fire no more timers
        boolean sourceHead = chain.head() instanceof SourceOperator || chain.head() instanceof StreamSource;
        if (sourceHead) { // a source that is not opened has no reader for its coordinator's events
            int head = deployment.vertex().getHead().getId();
            eventHandlers.put(head, event -> LOG.debug("Task {} had finished: it ignores {}", name(), event));
        }
        for (StreamNode source : deployment.vertex().getChainedSources()) { // not opened either
            eventHandlers.put(source.getId(), event -> LOG.debug("Task {} had finished: it ignores {}", name(), event));
        }
        try {
            chain.openFinished(sourceHead);
            chain.endOutputs();
            awaitFinalCheckpoint();
        } finally {
            chain.close();
        }
    }

    private void runLoop(TaskInput input) throws Exception {
        while (true) {
            wakeup.reset();
            if (mailbox.hasMail()) {
                mailbox.runAll();
            }
            if (cancelled) {
                throw new TaskCancelledException();
            }
            if (stopped) {
                return;
            }
            if (!chain.outputAvailable(wakeup::signal)) {
                // back-pressured: wait for a free output buffer here, not inside the next record, so that
                // mail (checkpoint barriers of sources, timers, notifications) still runs
                backPressured.start();
                try {
                    if (!mailbox.hasMail()) {
                        wakeup.await();
                    }
                } finally {
                    backPressured.stop();
                }
                continue;
            }
            InputStatus status = input.processInput();
            if (status == InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == InputStatus.NOTHING_AVAILABLE && !mailbox.hasMail()) {
                idle.start();
                try {
                    wakeup.await();
                } finally {
                    idle.stop();
                }
            }
        }
    }

    /**
     * After the end of data: reports it and runs mail — checkpoint triggers and notifications — until
     * the job's final checkpoint completed, a stop-with-savepoint completed, or the task is cancelled.
     */
    private void awaitFinalCheckpoint() throws Exception {
        dataEnded = true;
        listener.endOfData(this);
        while (true) {
            wakeup.reset();
            if (mailbox.hasMail()) {
                mailbox.runAll();
            }
            if (cancelled) {
                throw new TaskCancelledException();
            }
            if (finalCheckpointCompleted || stopped) {
                return;
            }
            if (!mailbox.hasMail()) {
                idle.start();
                try {
                    wakeup.await();
                } finally {
                    idle.stop();
                }
            }
        }
    }

    private TaskInput createInput(OperatorChain chain) {
        if (deployment.vertex().hasChainedSources()) {
            return chainedSourcesInput(chain);
        }
        if (chain.head() instanceof SourceOperator) {
            return new SourceInput((SourceOperator<?, ?>) chain.head());
        }
        if (chain.head() instanceof StreamSource) {
            return new SourceFunctionInput<>((StreamSource<?, ?>) chain.head(), accumulators, name(),
                    deployment.job().getConfiguration());
        }
        return networkInput(chain, new boolean[0]);
    }

    /**
     * The input of a task whose multiple-input head has sources chained into it: their readers, and
     * the network input of the head's other inputs when it has any, whose barrier handler gets one
     * channel per chained source after its own.
     */
    private TaskInput chainedSourcesInput(OperatorChain chain) {
        JobVertex vertex = deployment.vertex();
        List<StreamNode> sourceNodes = vertex.getChainedSources();
        boolean[] chained = new boolean[vertex.getHead().getMultipleInputs()];
        for (StreamNode node : sourceNodes) {
            chained[node.getOutEdges().get(0).inputIndex()] = true;
        }
        NetworkInput network = vertex.getInputs().isEmpty() ? null : (NetworkInput) networkInput(chain, chained);
        int firstChannel = network == null ? 0 : network.connectedChannels().length;
        ChainedSourcesInput.ChainedSource[] sources = new ChainedSourcesInput.ChainedSource[sourceNodes.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new ChainedSourcesInput.ChainedSource((SourceOperator<?, ?>) chain.operators().get(i),
                    sourceNodes.get(i).getOutEdges().get(0).inputIndex() + 1, firstChannel + i);
        }
        return new ChainedSourcesInput(sources, network, (MultipleInputStreamOperator<?>) chain.head());
    }

    /**
     * The input from the exchanges of the vertex's input edges.
     *
     * @param chained per input of a multiple-input head, whether a chained source feeds it (it has no edge)
     */
    private TaskInput networkInput(OperatorChain chain, boolean[] chained) {
        JobVertex vertex = deployment.vertex();
        int total = 0;
        for (JobEdge edge : vertex.getInputs()) {
            total += edge.producer().getParallelism();
        }
        boolean twoInput = vertex.getHead().isTwoInput();
        int multipleInputs = vertex.getHead().getMultipleInputs();
        HeadInput<?>[] inputs = new HeadInput<?>[multipleInputs > 0 ? multipleInputs : twoInput ? 2 : 1];
        boolean[][] channelsOf = new boolean[inputs.length][];
        HeadInput<?>[] inputOfChannel = new HeadInput<?>[total];
        int connected = 0;
        // a multiple-input operator's inputs, asked for once
        @SuppressWarnings("rawtypes")
        List<Input> operatorInputs = chain.head() instanceof MultipleInputStreamOperator<?> multiple
                ? chain.headInputs(multiple) : null;
        for (int index = 0; index < inputs.length; index++) {
            boolean[] own = new boolean[total];
            channelsOf[index] = own;
            if (index < chained.length && chained[index]) {
                continue; // fed by a chained source, not by the network
            }
            JobEdge any = null;
            for (JobEdge edge : vertex.getInputs()) {
                if (edge.streamEdge().inputIndex() != index) {
                    continue;
                }
                any = edge;
                int offset = vertex.channelOffset(edge);
                for (int producer : ConnectionPattern.producersOf(edge.streamEdge().exchange(),
                        deployment.subtaskIndex(), edge.producer().getParallelism(), vertex.getParallelism())) {
                    own[offset + producer] = true;
                    connected++;
                }
            }
            if (any == null) {
                throw new IllegalStateException("Input " + index + " of task " + name() + " has no edge");
            }
            // each input's valve counts only its own connected channels
            inputs[index] = headInput(chain, operatorInputs, index, any, own);
        }
        SortedKeyedInput sorted = chained.length > 0 ? null : BatchInputs.sortedInput(deployment, chain, inputs);
        for (int index = 0; index < inputs.length; index++) {
            HeadInput<?> head = sorted != null && sorted.sorts(index)
                    ? BatchInputs.sortingHead(sorted, index, deployment, channelsOf[index]) : inputs[index];
            for (int channel = 0; channel < total; channel++) {
                if (channelsOf[index][channel]) {
                    inputOfChannel[channel] = head;
                }
            }
        }
        NetworkInput network = new NetworkInput(
                exchange.inputQueue(new ExchangeKey(deployment.job().getJobId(), deployment.attemptNumber(), vertex.getId(),
                        deployment.subtaskIndex())),
                inputOfChannel, connected);
        if (sorted == null) {
            return network;
        }
        sorted.readFrom(network);
        return sorted;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private HeadInput<?> headInput(OperatorChain chain, List<Input> operatorInputs, int index, JobEdge edge,
            boolean[] channels) {
        TypeSerializer serializer = edge.streamEdge().elementType()
                .createSerializer(deployment.job().getExecutionConfig().getSerializerConfig());
        if (operatorInputs != null) {
            return HeadInput.ofInput((MultipleInputStreamOperator<?>) chain.head(), operatorInputs, index, serializer,
                    channels);
        }
        if (!deployment.vertex().getHead().isTwoInput()) {
            return HeadInput.of((OneInputStreamOperator) chain.head(), serializer, channels);
        }
        TwoInputStreamOperator head = (TwoInputStreamOperator) chain.head();
        return index == 0 ? HeadInput.first(head, serializer, channels) : HeadInput.second(head, serializer, channels);
    }

    /** The job's buffer timeout, or the one an operator of this chain set ({@code setBufferTimeout}). */
    private long bufferTimeout() {
        return deployment.vertex().bufferTimeout(
                deployment.job().getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT).toMillis());
    }

    /**
     * Flushes the outputs every buffer timeout, as mail; a source function's thread flushes them
     * itself before its next element, unless it has not served the previous request (see
     * {@link CheckpointLock}).
     */
    private ScheduledFuture<?> scheduleFlushes(OperatorChain chain, long timeout) {
        ThrowingRunnable flush = chain::flushOutputs;
        return timers.scheduleAtFixedRate(() -> {
            if (input instanceof SourceFunctionInput<?> source && source.requestFlush(flush)) {
                return;
            }
            if (!flushPending) {
                flushPending = true;
                mailbox.put(() -> {
                    flushPending = false;
                    chain.flushOutputs();
                });
            }
        }, timeout, timeout, TimeUnit.MILLISECONDS);
    }

    /** Reports the accumulators periodically, as mail, so that the copies are taken on the task's thread. */
    private ScheduledFuture<?> scheduleAccumulatorReports(TaskInput input) {
        long interval = deployment.job().getConfiguration().get(ExecutionOptions.ACCUMULATOR_REPORT_INTERVAL).toMillis();
        return timers.scheduleAtFixedRate(() -> {
            if (!reportPending && !accumulators.isEmpty()) {
                reportPending = true;
                if (input instanceof SourceFunctionInput<?> source) {
                    source.requestAccumulators();
                }
                mailbox.put(() -> {
                    reportPending = false;
                    reportAccumulators();
                });
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void reportAccumulators() {
        if (!accumulators.isEmpty()) {
            listener.accumulatorsReported(this, accumulators.copies());
        }
    }

    /** Delivers an event from the coordinator to an operator of this task, in the task's mailbox. */
    public void deliverOperatorEvent(int operatorId, OperatorEvent event) {
        mailbox.put(() -> {
            OperatorEventHandler handler = eventHandlers.get(operatorId);
            if (handler == null) {
                throw new IllegalStateException("Task " + name() + " has no operator " + operatorId + " for " + event);
            }
            handler.handleOperatorEvent(event);
        });
    }

    /**
     * Asks a source task to take its part of checkpoint {@code barrier.id()} between two records: it
     * snapshots its operators and sends the barrier downstream, in the task's mailbox. A task whose
     * data ended is asked the same way, and only snapshots; one that took the checkpoint already
     * (its barriers arrived before its input ended) ignores it.
     */
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        mailbox.put(() -> {
            if (input instanceof ChainedSourcesInput sources && networkInput != null && !dataEnded) {
                sources.onCheckpointTriggered(barrier); // aligned with the barriers of the network inputs
            } else {
                performCheckpoint(barrier);
            }
        });
    }

    /** The checkpoint completed: operators that commit on completion (sinks) do so, in the task's mailbox. */
    public void notifyCheckpointComplete(long checkpointId) {
        mailbox.put(() -> {
            chain.notifyCheckpointComplete(checkpointId);
            if (finalCheckpointId != -1 && checkpointId >= finalCheckpointId) {
                LOG.info("Task {} ends: the job's final checkpoint {} completed", name(), checkpointId);
                finalCheckpointCompleted = true;
            }
            if (checkpointId == stopWithSavepointId) {
                LOG.info("Task {} stops: savepoint {} completed", name(), checkpointId);
                stopped = true;
            }
        });
    }

    /** The checkpoint will not complete: alignment for it stops and operators are told. */
    public void notifyCheckpointAborted(long checkpointId) {
        mailbox.put(() -> {
            if (networkInput != null) {
                networkInput.onCheckpointAborted(checkpointId);
            }
            chain.notifyCheckpointAborted(checkpointId);
            if (checkpointId == stopWithSavepointId) {
                stopWithSavepointId = -1;
                input.resume();
            }
        });
    }

    /**
     * Takes this task's part of a checkpoint, on the task's thread between two records: the barrier
     * goes downstream first (so downstream tasks can start aligning), then the operators' state is
     * snapshotted; no record is processed in between, so both mark the same point of the stream.
     */
    private void performCheckpoint(CheckpointBarrier barrier) throws Exception {
        if (barrier.id() <= lastCheckpointTaken) {
            return; // a direct trigger of a checkpoint whose barriers reached this task before its input ended
        }
        lastCheckpointTaken = barrier.id();
        if (barrier.endsJob()) {
            finalCheckpointId = barrier.id();
        }
        boolean source = networkInput == null || deployment.vertex().hasChainedSources();
        if (source && !dataEnded && barrier.type() == SnapshotType.SAVEPOINT_TERMINATE) {
            chain.advanceToEndOfEventTime();
        }
        long alignmentNanos = barrierHandler == null ? 0 : barrierHandler.lastAlignmentNanos();
        long start = System.nanoTime();
        // after the end of data the outputs have ended: the consumers count those channels as aligned
        if (!dataEnded) {
            chain.prepareSnapshotPreBarrier(barrier.id());
        }
        Map<InFlightData.Channel, List<byte[]>> overtaken = dataEnded ? Map.of() : chain.broadcastBarrier(barrier);
        TaskStateSnapshot state = chain.snapshotState(barrier.id(), barrier.timestamp(), barrier.isSavepoint());
        if (!overtaken.isEmpty()) {
            state = state.withInFlight(new InFlightData(Map.of(), overtaken));
        }
        CheckpointMetrics metrics = syncMetrics(barrier, start, alignmentNanos, !overtaken.isEmpty());
        if (barrier.type().isSynchronous()) {
            // a stop-with-savepoint: nothing is read after its barrier; the task ends when it completes
            stopWithSavepointId = barrier.id();
            if (!dataEnded) {
                input.suspend();
            }
        }
        listener.checkpointTaken(this, barrier, state, metrics);
    }

    /**
     * The timings of a snapshot whose synchronous part started at {@code startNanos} and just ended.
     * Two clock reads per checkpoint, none per record.
     */
    private CheckpointMetrics syncMetrics(CheckpointBarrier barrier, long startNanos, long alignmentNanos,
            boolean unaligned) {
        long syncNanos = System.nanoTime() - startNanos;
        long firstBarrierAt = System.currentTimeMillis() - (syncNanos + alignmentNanos) / 1_000_000;
        long startDelayMillis = Math.max(0, firstBarrierAt - barrier.timestamp());
        lastStartDelayNanos = startDelayMillis * 1_000_000;
        return new CheckpointMetrics(syncNanos / 1_000_000, 0, alignmentNanos / 1_000_000, startDelayMillis, unaligned);
    }

    private record UnalignedSnapshot(CheckpointBarrier barrier, TaskStateSnapshot state,
            Map<InFlightData.Channel, List<byte[]>> overtaken, CheckpointMetrics metrics) {}

    /** What the barrier handler of a task with inputs asks of it. */
    private final class BarrierCallbacks implements CheckpointBarrierHandler.Checkpointable {
        @Override
        public void triggerCheckpointOnBarrier(CheckpointBarrier barrier) throws Exception {
            performCheckpoint(barrier);
        }

        @Override
        public void abortCheckpointOnBarrier(long checkpointId, String reason) {
            LOG.debug("Task {} gives up checkpoint {}: {}", name(), checkpointId, reason);
            if (unaligned != null && unaligned.barrier().id() == checkpointId) {
                unaligned = null;
            }
        }

        @Override
        public void triggerUnalignedCheckpoint(CheckpointBarrier barrier) throws Exception {
            lastCheckpointTaken = Math.max(lastCheckpointTaken, barrier.id());
            long start = System.nanoTime();
            chain.prepareSnapshotPreBarrier(barrier.id());
            Map<InFlightData.Channel, List<byte[]>> overtaken = chain.broadcastBarrier(barrier);
            TaskStateSnapshot state = chain.snapshotState(barrier.id(), barrier.timestamp(), barrier.isSavepoint());
            unaligned = new UnalignedSnapshot(barrier, state, overtaken, syncMetrics(barrier, start, 0, true));
        }

        @Override
        public void finishUnalignedCheckpoint(long checkpointId, Map<Integer, List<byte[]>> recordedInputs) {
            UnalignedSnapshot taken = unaligned;
            if (taken == null || taken.barrier().id() != checkpointId) {
                return;
            }
            unaligned = null;
            listener.checkpointTaken(StreamTask.this, taken.barrier(),
                    taken.state().withInFlight(new InFlightData(recordedInputs, taken.overtaken())), taken.metrics());
        }
    }

    /** Stops the task: it ends CANCELED as soon as its thread notices (at once if it waits). */
    public void cancel() {
        cancelled = true;
        wakeup.signal();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
