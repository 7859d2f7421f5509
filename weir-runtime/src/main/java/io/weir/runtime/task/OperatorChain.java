package io.weir.runtime.task;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.functions.KeySelector;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.Input;
import io.weir.api.operators.MailboxExecutor;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.Output;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.StreamSource;
import io.weir.api.transformations.Exchange;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.InFlightData;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.exchange.BlockingMemory;
import io.weir.runtime.exchange.BufferPool;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.exchange.ConnectionPattern;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.BufferReceiver;
import io.weir.runtime.exchange.DataExchange;
import io.weir.runtime.exchange.RecordWriter;
import io.weir.runtime.exchange.ResultKey;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamEdge;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.graph.UserOperatorFactory;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.operators.CopyFreeInput;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.KeyedBackendParameters;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.StateBackend;
import io.weir.runtime.state.StateBackendLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one task, wired together: chained operators call each other directly, the
 * chain's exits write into exchanges. Built tail first, so every operator's output exists before
 * the operator is set up.
 *
 * <h2>State</h2>
 * Every operator gets an operator state backend, and a keyed one when its input is keyed; both are
 * filled from the deployment's restored state before the operator is set up. {@link #open}
 * initializes each operator's state, then opens it; {@link #snapshotState} asks each operator to
 * write what it holds outside its backends, then serializes the backends.
 *
 * <h2>Chained sources</h2>
 * A multiple-input head may have FLIP-27 sources chained into it ({@code HEAD_WITH_SOURCES}): they
 * come first in the chain and write straight into the head's {@link Input}s. They are opened after
 * the head, and finished by the task's input when each of them ends, not by {@link #endInput}.
 *
 * <p>Threading: used by the task's thread only.
 */
final class OperatorChain {
    private final TaskDeployment deployment;
    private final List<StreamOperator<?>> operators = new ArrayList<>();
    private final Map<StreamNode, StreamOperator<?>> operatorOf = new HashMap<>();
    private final List<RecordWriter<?>> writers = new ArrayList<>();
    /**
     * How many operators at the start of a chain restored as finished were not opened (its source head,
     * or its chained sources): they take no part in checkpoints.
     */
    private int notOpened;
    /** The index of the head operator: the number of chained sources before it. */
    private final int headIndex;
    /** What the multiple-input head's {@code getInputs()} returned, asked once; {@code null} for other heads. */
    @SuppressWarnings("rawtypes")
    private List<Input> headInputs;
    private final List<JobEdge> writerEdges = new ArrayList<>();
    private final Map<Integer, RecordWriter<?>> writerOfEdge = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    /** The context (with the state backends) of each operator, in the order of {@link #operators}. */
    private final List<RuntimeOperatorContext> contexts = new ArrayList<>();
    private final List<Integer> operatorIds = new ArrayList<>();
    private final ProcessingTimeService processingTimeService;
    private final MailboxExecutor mailboxExecutor;
    private final TaskAccumulators accumulators;
    private final ScopedMetricGroup metrics;
    private final Map<StreamNode, List<CountedOutput>> countedOutputs = new HashMap<>();
    private final Map<StreamNode, List<CountedOutput>> countedInputs = new HashMap<>();
    private final Map<StreamNode, ScopedMetricGroup> operatorMetrics = new HashMap<>();
    private Output<StreamRecord<?>> headOutput;
    private final boolean checkpointingEnabled;

    /**
     * The task's services the operators get: gateways to coordinators, clock, mailbox, accumulators,
     * and the task's metric group, under which each operator gets its own.
     */
    record TaskServices(java.util.function.Function<StreamNode, OperatorEventGateway> gateways,
            ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor,
            TaskAccumulators accumulators, ScopedMetricGroup metrics) {}

    OperatorChain(TaskDeployment deployment, DataExchange exchange, boolean flushEveryRecord, TaskServices services) {
        this.deployment = deployment;
        this.checkpointingEnabled = CheckpointingSettings.of(deployment.job().getConfiguration()).enabled();
        this.processingTimeService = services.processingTimeService();
        this.mailboxExecutor = services.mailboxExecutor();
        this.accumulators = services.accumulators();
        this.metrics = services.metrics();
        java.util.function.Function<StreamNode, OperatorEventGateway> gateways = services.gateways();
        JobVertex vertex = deployment.vertex();
        this.headIndex = vertex.headIndex();
        for (JobEdge edge : vertex.getOutputs()) {
            RecordWriter<?> writer = createWriter(edge, exchange, flushEveryRecord);
            writers.add(writer);
            writerEdges.add(edge);
            writerOfEdge.put(edge.streamEdge().id(), writer);
        }
        List<StreamNode> chain = vertex.getChain();
        StreamOperator<?>[] created = new StreamOperator<?>[chain.size()];
        RuntimeOperatorContext[] createdContexts = new RuntimeOperatorContext[chain.size()];
        try {
            for (int i = chain.size() - 1; i >= 0; i--) {
                StreamNode node = chain.get(i);
                StreamOperator<?> operator;
                if (node.getOperatorFactory() instanceof UserOperatorFactory factory) {
                    // created by the user's factory with its parameters, which are ready before it
                    createdContexts[i] = context(node, false, gateways.apply(node));
                    operator = factory.createOperator(new StreamOperatorParameters(outputAndHeadOf(node), createdContexts[i]));
                } else {
                    operator = node.getOperatorFactory().createOperator();
                    createdContexts[i] = setup(node, operator, gateways.apply(node));
                }
                operatorOf.put(node, operator);
                created[i] = operator;
            }
        } catch (RuntimeException | Error e) {
            // a restore that fails: the state backends opened so far hold files and native memory
            for (RuntimeOperatorContext context : createdContexts) {
                disposeQuietly(context, e);
            }
            releaseOutputs();
            throw e;
        }
        for (int i = 0; i < created.length; i++) {
            operators.add(created[i]);
            contexts.add(createdContexts[i]);
            operatorIds.add(chain.get(i).getId());
            names.add(chain.get(i).getName());
        }
    }

    /** Sets the operator up with its output, context and state (restored if the deployment has state). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private RuntimeOperatorContext setup(StreamNode node, StreamOperator operator, OperatorEventGateway gateway) {
        RuntimeOperatorContext context = context(node, operator instanceof StreamSource, gateway);
        operator.setup(new StreamOperatorParameters(outputAndHeadOf(node), context));
        return context;
    }

    /** The operator's context with its state (restored if the deployment has state). */
    private RuntimeOperatorContext context(StreamNode node, boolean source, OperatorEventGateway gateway) {
        ExecutionConfig config = deployment.job().getExecutionConfig();
        SubtaskInfo taskInfo = new SubtaskInfo(node.getName(), deployment.subtaskIndex(), node.getParallelism(),
                node.getMaxParallelism(), deployment.attemptNumber());
        AbstractKeyedStateBackend<?> backend = null;
        if (node.getStateKeySelector() != null) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(node.getMaxParallelism(), node.getParallelism(),
                    deployment.subtaskIndex());
            TypeSerializer keySerializer = node.getStateKeyType() == null ? null
                    : node.getStateKeyType().createSerializer(config.getSerializerConfig());
            Configuration jobConfig = deployment.job().getConfiguration();
            // BATCH: sorted inputs leave one key's state at a time, which the heap holds best, whatever
            // state.backend.type says (as Flink's batch state backend does)
            StateBackend chosen = config.getRuntimeMode() == RuntimeExecutionMode.BATCH ? new HashMapStateBackend()
                    : StateBackendLoader.load(jobConfig, deployment.job().getUserClassLoader());
            backend = chosen.createKeyedStateBackend(
                    new KeyedBackendParameters<>(node.getUid() == null ? node.getName()
                            : node.getName() + " (uid " + node.getUid() + ")", deployment.subtaskIndex(), node.getMaxParallelism(),
                            range, config.getSerializerConfig(), keySerializer, jobConfig));
        }
        RuntimeOperatorContext context = new RuntimeOperatorContext(node.getName(), taskInfo, config,
                deployment.job().getUserClassLoader(),
                node.getStateKeySelectors(), backend, gateway, processingTimeService)
                .withAccumulators(accumulators, source).withMailboxExecutor(mailboxExecutor)
                .withCheckpointingEnabled(checkpointingEnabled)
                .withMetricGroup(operatorMetrics.computeIfAbsent(node,
                        n -> metrics.addOperator(Integer.toString(n.getId()), n.getName())));
        TaskStateSnapshot restored = deployment.restoredState();
        if (restored != null && !restored.equals(TaskStateSnapshot.EMPTY)) {
            try {
                context.restoreState(restored.of(node.getId()), restored.checkpointId());
            } catch (RuntimeException | Error e) {
                disposeQuietly(context, e);
                throw e;
            }
        }
        return context;
    }

    /** {@link #outputOf}, kept as {@link #headOutput} too for the chain's head. */
    private Output<StreamRecord<?>> outputAndHeadOf(StreamNode node) {
        Output<StreamRecord<?>> output = outputOf(node);
        if (node == deployment.vertex().getHead()) {
            headOutput = output;
        }
        return output;
    }

    /** The output of {@code node}: into the chained operators after it and the writers of its exchanges. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<StreamRecord<?>> outputOf(StreamNode node) {
        List<Output<StreamRecord<?>>> outputs = new ArrayList<>();
        for (StreamEdge edge : node.getOutEdges()) {
            StreamOperator<?> next = operatorOf.get(edge.target());
            if (next instanceof MultipleInputStreamOperator<?> head && deployment.vertex().contains(edge.target())) {
                // a chained source: straight into the head's input it feeds
                outputs.add(new ChainingOutput(headInputs(head).get(edge.inputIndex()), edge.target().getName(),
                        copierFor(edge.elementType()), null));
                countedInputs.computeIfAbsent(edge.target(), n -> new ArrayList<>())
                        .add((CountedOutput) outputs.get(outputs.size() - 1)); // metrics: the head's input
            } else if (next != null && deployment.vertex().contains(edge.target())) {
                outputs.add(new ChainingOutput((OneInputStreamOperator) next, edge.target().getName(),
                        acceptsSharedInput(next) ? null : copierFor(edge.elementType()), edge.outputTag()));
                countedInputs.computeIfAbsent(edge.target(), n -> new ArrayList<>())
                        .add((CountedOutput) outputs.get(outputs.size() - 1)); // metrics: the next operator's input
            } else {
                outputs.add(new RecordWriterOutput(writerOfEdge.get(edge.id()), edge.outputTag()));
            }
            countedOutputs.computeIfAbsent(node, n -> new ArrayList<>())
                    .add((CountedOutput) outputs.get(outputs.size() - 1)); // metrics: this operator's output
        }
        if (outputs.isEmpty()) {
            return new DiscardingOutput();
        }
        return outputs.size() == 1 ? outputs.get(0) : new BroadcastingOutput(outputs);
    }

    /**
     * Whether {@code next} is given its input records without a copy: it (or the function it runs)
     * promises to keep and change none of them ({@link CopyFreeInput}), so sharing cannot be seen.
     */
    private static boolean acceptsSharedInput(StreamOperator<?> next) {
        Object promise = next instanceof AbstractUdfStreamOperator<?, ?> udf ? udf.getUserFunction() : next;
        return promise instanceof CopyFreeInput copyFree && copyFree.acceptsSharedInput();
    }

    private TypeSerializer<?> copierFor(TypeInformation<?> type) {
        ExecutionConfig config = deployment.job().getExecutionConfig();
        if (config.isObjectReuseEnabled()) {
            return null;
        }
        TypeSerializer<?> serializer = type.createSerializer(config.getSerializerConfig());
        return serializer.isImmutableType() ? null : serializer;
    }

    private <T> RecordWriter<T> createWriter(JobEdge edge, DataExchange exchange, boolean flushEveryRecord) {
        JobVertex consumer = edge.consumer();
        int producers = edge.producer().getParallelism();
        int consumers = consumer.getParallelism();
        int index = deployment.subtaskIndex();
        Exchange kind = edge.streamEdge().exchange();
        int[] connected = ConnectionPattern.consumersOf(kind, index, producers, consumers);
        BufferReceiver[] targets = new BufferReceiver[consumers];
        int[] channelAtTarget = new int[consumers];
        int offset = consumer.channelOffset(edge);
        // blocking (BATCH): the output is kept in the exchange until the consumer stage starts
        BlockingMemory blocking = !deployment.job().hasBlockingExchanges() ? null : new BlockingMemory(
                deployment.job().getConfiguration().get(ExecutionOptions.BATCH_SHUFFLE_MEMORY).getBytes());
        for (int j : connected) {
            channelAtTarget[j] = offset + index;
            targets[j] = blocking != null
                    ? exchange.blockingResult(new ResultKey(deployment.job().getJobId(), edge.id(), index, j),
                            channelAtTarget[j], blocking)
                    : exchange.receiver(new ExchangeKey(deployment.job().getJobId(), deployment.attemptNumber(),
                            consumer.getId(), j), channelAtTarget[j]);
        }
        @SuppressWarnings("unchecked")
        TypeSerializer<T> serializer = (TypeSerializer<T>) edge.streamEdge().elementType()
                .createSerializer(deployment.job().getExecutionConfig().getSerializerConfig());
        ChannelSelector<T> selector = kind == Exchange.BROADCAST ? null
                : ChannelSelector.create(kind, edge.streamEdge().keySelector(), connected, consumers,
                        edge.streamEdge().target().getMaxParallelism(), 31L * edge.id() + index);
        Configuration settings = deployment.job().getConfiguration();
        BufferPool pool = new BufferPool(
                settings.get(TaskManagerOptions.NETWORK_BUFFERS_PER_CHANNEL) * connected.length
                        + settings.get(TaskManagerOptions.NETWORK_EXTRA_BUFFERS_PER_OUTPUT),
                settings.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytesAsInt());
        return new RecordWriter<>(serializer, pool, targets, channelAtTarget, connected, selector, flushEveryRecord);
    }

    StreamOperator<?> head() {
        return operators.get(headIndex);
    }

    /** The index of the head in {@link #operators()}: the chained sources come before it. */
    int headIndex() {
        return headIndex;
    }

    /**
     * The inputs of a multiple-input head, asked of it once (an operator may create new ones on every
     * call): the chained sources and the task's network input feed the same objects.
     */
    @SuppressWarnings("rawtypes")
    List<Input> headInputs(MultipleInputStreamOperator<?> head) {
        if (headInputs == null) {
            headInputs = head.getInputs();
            int expected = deployment.vertex().getHead().getMultipleInputs();
            if (headInputs == null || headInputs.size() < expected) {
                throw new IllegalStateException("Multiple-input operator " + head.getClass().getName() + " returns "
                        + (headInputs == null ? "no inputs" : headInputs.size() + " inputs") + " from getInputs(), but "
                        + "its transformation has " + expected + ": return one Input per addInput(...) call.");
            }
        }
        return headInputs;
    }

    /** The context of the head operator, with its state backends. */
    RuntimeOperatorContext headContext() {
        return contexts.get(headIndex);
    }

    List<StreamOperator<?>> operators() {
        return operators;
    }

    /**
     * Initializes the operators' state and opens them, tail first, so each operator's consumers are
     * ready before it emits.
     */
    void open() throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).initializeState();
            operators.get(i).open();
        }
    }

    /**
     * Opens a chain restored as finished ({@code TaskDeployment#finishedOnRestore}): every operator's
     * state is initialized, so a sink commits again what the checkpoint holds for it, and every
     * operator opens except a source head or chained sources, which must not read again: they are not
     * opened, not asked to snapshot (their backends keep the restored state as it is) and not notified.
     */
    void openFinished(boolean sourceHead) throws Exception {
        notOpened = sourceHead ? 1 : headIndex;
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).initializeState();
            if (i >= notOpened) {
                operators.get(i).open();
            }
        }
    }

    /** Tells the consumers this producer has ended, finishing no operator (a chain restored as finished). */
    void endOutputs() throws Exception {
        for (RecordWriter<?> writer : writers) {
            writer.endOfPartition();
        }
    }

    /**
     * Takes checkpoint {@code checkpointId} of every operator of the chain, synchronously: each
     * operator writes what it holds outside its backends into them, then the backends are
     * serialized. Call between two elements, after {@link #open}.
     *
     * @param savepoint whether it is a savepoint, whose keyed state must be self-contained and in
     *     the format every backend restores (never incremental database files)
     * @return the state of each operator that has any, by stream node id
     */
    TaskStateSnapshot snapshotState(long checkpointId, long timestamp, boolean savepoint) throws Exception {
        Map<Integer, OperatorSubtaskState> states = new HashMap<>();
        for (int i = 0; i < operators.size(); i++) {
            if (i >= notOpened) {
                operators.get(i).snapshotState(checkpointId, timestamp);
            }
            OperatorSubtaskState state = contexts.get(i).snapshotState(checkpointId, savepoint);
            if (!state.isEmpty()) {
                states.put(operatorIds.get(i), state);
            }
        }
        return new TaskStateSnapshot(checkpointId, states);
    }

    /**
     * Checkpoint {@code checkpointId} is about to be taken: each operator, head first, emits what
     * belongs before its barrier. Call before {@link #broadcastBarrier}, not after the input ended.
     */
    void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        for (StreamOperator<?> operator : operators) {
            operator.prepareSnapshotPreBarrier(checkpointId);
        }
    }

    /** Checkpoint {@code checkpointId} completed: tells every operator, head first, and its state backends. */
    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (int i = 0; i < operators.size(); i++) {
            if (i >= notOpened) {
                operators.get(i).notifyCheckpointComplete(checkpointId);
            }
            contexts.get(i).notifyCheckpointComplete(checkpointId);
        }
    }

    /** Checkpoint {@code checkpointId} was given up: tells every operator, head first. */
    void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (int i = notOpened; i < operators.size(); i++) {
            operators.get(i).notifyCheckpointAborted(checkpointId);
        }
    }

    /**
     * All input has ended: each operator, head first, learns it and emits what it buffered; then
     * the exchanges tell the consumers this producer has ended. Chained sources were finished as
     * each of them ended.
     */
    void endInput() throws Exception {
        for (StreamOperator<?> operator : operators.subList(headIndex, operators.size())) {
            if (operator instanceof BoundedOneInput) {
                ((BoundedOneInput) operator).endInput();
            }
            operator.finish();
        }
        for (RecordWriter<?> writer : writers) {
            writer.endOfPartition();
        }
    }

    /**
     * Ends event time downstream of the head (the sources of a job stopped with drain): every
     * event-time window and timer after the head fires. Records may follow; none is late.
     */
    void advanceToEndOfEventTime() {
        headOutput.emitWatermark(io.weir.api.operators.Watermark.MAX_WATERMARK);
    }

    /**
     * Sends a checkpoint barrier through every exchange this chain writes to: an aligned one behind
     * everything emitted so far; an unaligned one ahead of what is still queued at the consumers,
     * which is returned (the task's in-flight output for the checkpoint), by consumer channel.
     */
    Map<InFlightData.Channel, List<byte[]>> broadcastBarrier(CheckpointBarrier barrier) throws Exception {
        Map<InFlightData.Channel, List<byte[]>> overtaken = new HashMap<>();
        for (int i = 0; i < writers.size(); i++) {
            JobEdge edge = writerEdges.get(i);
            String consumer = edge.consumer().getHead().getOperatorId();
            int channel = edge.consumer().channelOffset(edge) + deployment.subtaskIndex();
            writers.get(i).broadcastBarrier(barrier).forEach((subtask, parts) ->
                    overtaken.put(new InFlightData.Channel(consumer, subtask, channel), parts));
        }
        return overtaken;
    }

    /**
     * Whether every exchange this chain writes to has a free buffer, so that processing the next input
     * will not block for one; if not, {@code wakeUp} runs when one comes back.
     */
    boolean outputAvailable(Runnable wakeUp) {
        for (RecordWriter<?> writer : writers) {
            BufferPool pool = writer.pool();
            if (!pool.isAvailable()) {
                pool.notifyWhenAvailable(wakeUp);
                if (!pool.isAvailable()) {
                    return false;
                }
            }
        }
        return true;
    }

    void flushOutputs() throws Exception {
        for (StreamOperator<?> operator : operators) {
            if (operator instanceof BufferingOperator) {
                ((BufferingOperator) operator).flushBuffered();
            }
        }
        for (RecordWriter<?> writer : writers) {
            writer.flush();
        }
    }

    /**
     * Closes every operator (also after a failure), then frees their state backends; the first
     * exception is thrown after all are closed.
     */
    void close() throws Exception {
        Exception first = null;
        for (StreamOperator<?> operator : operators.subList(notOpened, operators.size())) {
            try {
                operator.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        for (RuntimeOperatorContext context : contexts) {
            try {
                context.disposeState();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void disposeQuietly(RuntimeOperatorContext context, Throwable cause) {
        if (context == null) {
            return;
        }
        try {
            context.disposeState();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    void releaseOutputs() {
        for (RecordWriter<?> writer : writers) {
            writer.release();
        }
    }

    /** The exchanges this task writes into. */
    List<RecordWriter<?>> writers() {
        return writers;
    }

    /** The counted outputs of the {@code index}-th operator of the chain (empty for a sink). */
    List<CountedOutput> outputsOf(int index) {
        return countedOutputs.getOrDefault(deployment.vertex().getChain().get(index), List.of());
    }

    /** The chained outputs that feed the {@code index}-th operator (empty for the head). */
    List<CountedOutput> chainedInputsOf(int index) {
        return countedInputs.getOrDefault(deployment.vertex().getChain().get(index), List.of());
    }

    /** The metric group of the {@code index}-th operator of the chain. */
    ScopedMetricGroup metricGroupOf(int index) {
        return operatorMetrics.get(deployment.vertex().getChain().get(index));
    }

    String name(StreamOperator<?> operator) {
        return names.get(operators.indexOf(operator));
    }
}
