package io.weir.runtime.task;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.MailboxExecutor;
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
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.exchange.BufferPool;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.exchange.ConnectionPattern;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.InputQueue;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.exchange.RecordWriter;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamEdge;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyGroupAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one task, wired together: chained operators call each other directly, the
 * chain's exits write into exchanges. Built tail first, so every operator's output exists before
 * the operator is set up.
 *
 * <p>Threading: used by the task's thread only.
 */
final class OperatorChain {
    /** Buffer size of the exchanges. */
    static final int BUFFER_SIZE = 32 * 1024;

    private final TaskDeployment deployment;
    private final List<StreamOperator<?>> operators = new ArrayList<>();
    private final Map<StreamNode, StreamOperator<?>> operatorOf = new HashMap<>();
    private final List<RecordWriter<?>> writers = new ArrayList<>();
    private final Map<Integer, RecordWriter<?>> writerOfEdge = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final ProcessingTimeService processingTimeService;
    private final MailboxExecutor mailboxExecutor;
    private final TaskAccumulators accumulators;
    private final ScopedMetricGroup metrics;
    private final Map<StreamNode, List<CountedOutput>> countedOutputs = new HashMap<>();
    private final Map<StreamNode, List<CountedOutput>> countedInputs = new HashMap<>();
    private final Map<StreamNode, ScopedMetricGroup> operatorMetrics = new HashMap<>();

    /**
     * The task's services the operators get: gateways to coordinators, clock, mailbox, accumulators,
     * and the task's metric group, under which each operator gets its own.
     */
    record TaskServices(java.util.function.Function<StreamNode, OperatorEventGateway> gateways,
            ProcessingTimeService processingTimeService, MailboxExecutor mailboxExecutor,
            TaskAccumulators accumulators, ScopedMetricGroup metrics) {}

    OperatorChain(TaskDeployment deployment, LocalExchange exchange, boolean flushEveryRecord, TaskServices services) {
        this.deployment = deployment;
        this.processingTimeService = services.processingTimeService();
        this.mailboxExecutor = services.mailboxExecutor();
        this.accumulators = services.accumulators();
        this.metrics = services.metrics();
        java.util.function.Function<StreamNode, OperatorEventGateway> gateways = services.gateways();
        JobVertex vertex = deployment.vertex();
        for (JobEdge edge : vertex.getOutputs()) {
            RecordWriter<?> writer = createWriter(edge, exchange, flushEveryRecord);
            writers.add(writer);
            writerOfEdge.put(edge.streamEdge().id(), writer);
        }
        List<StreamNode> chain = vertex.getChain();
        StreamOperator<?>[] created = new StreamOperator<?>[chain.size()];
        for (int i = chain.size() - 1; i >= 0; i--) {
            StreamNode node = chain.get(i);
            StreamOperator<?> operator = node.getOperatorFactory().createOperator();
            operatorOf.put(node, operator);
            setup(node, operator, gateways.apply(node));
            created[i] = operator;
        }
        for (int i = 0; i < created.length; i++) {
            operators.add(created[i]);
            names.add(chain.get(i).getName());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void setup(StreamNode node, StreamOperator operator, OperatorEventGateway gateway) {
        ExecutionConfig config = deployment.job().getExecutionConfig();
        SubtaskInfo taskInfo = new SubtaskInfo(node.getName(), deployment.subtaskIndex(), node.getParallelism(),
                node.getMaxParallelism(), deployment.attemptNumber());
        HeapKeyedStateBackend<?> backend = node.getStateKeySelector() == null ? null
                : new HeapKeyedStateBackend<>(node.getName(), deployment.subtaskIndex(), node.getMaxParallelism(),
                        KeyGroupAssignment.rangeForOperator(node.getMaxParallelism(), node.getParallelism(),
                                deployment.subtaskIndex()),
                        config.getSerializerConfig());
        RuntimeOperatorContext context = new RuntimeOperatorContext(node.getName(), taskInfo, config,
                deployment.job().getUserClassLoader(),
                new KeySelector<?, ?>[] {node.getStateKeySelector(), node.getStateKeySelector2()}, backend, gateway,
                processingTimeService)
                .withAccumulators(accumulators, operator instanceof StreamSource).withMailboxExecutor(mailboxExecutor)
                .withMetricGroup(operatorMetrics.computeIfAbsent(node,
                        n -> metrics.addOperator(Integer.toString(n.getId()), n.getName())));
        operator.setup(new StreamOperatorParameters(outputOf(node), context));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<StreamRecord<?>> outputOf(StreamNode node) {
        List<Output<StreamRecord<?>>> outputs = new ArrayList<>();
        for (StreamEdge edge : node.getOutEdges()) {
            StreamOperator<?> next = operatorOf.get(edge.target());
            if (next != null && deployment.vertex().contains(edge.target())) {
                outputs.add(new ChainingOutput((OneInputStreamOperator) next, edge.target().getName(),
                        copierFor(edge.elementType()), edge.outputTag()));
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

    private TypeSerializer<?> copierFor(TypeInformation<?> type) {
        ExecutionConfig config = deployment.job().getExecutionConfig();
        if (config.isObjectReuseEnabled()) {
            return null;
        }
        TypeSerializer<?> serializer = type.createSerializer(config.getSerializerConfig());
        return serializer.isImmutableType() ? null : serializer;
    }

    private <T> RecordWriter<T> createWriter(JobEdge edge, LocalExchange exchange, boolean flushEveryRecord) {
        JobVertex consumer = edge.consumer();
        int producers = edge.producer().getParallelism();
        int consumers = consumer.getParallelism();
        int index = deployment.subtaskIndex();
        Exchange kind = edge.streamEdge().exchange();
        int[] connected = ConnectionPattern.consumersOf(kind, index, producers, consumers);
        InputQueue[] targets = new InputQueue[consumers];
        int[] channelAtTarget = new int[consumers];
        int offset = consumer.channelOffset(edge);
        for (int j : connected) {
            targets[j] = exchange.queue(new ExchangeKey(deployment.job().getJobId(), consumer.getId(), j));
            channelAtTarget[j] = offset + index;
        }
        @SuppressWarnings("unchecked")
        TypeSerializer<T> serializer = (TypeSerializer<T>) edge.streamEdge().elementType()
                .createSerializer(deployment.job().getExecutionConfig().getSerializerConfig());
        ChannelSelector<T> selector = kind == Exchange.BROADCAST ? null
                : ChannelSelector.create(kind, edge.streamEdge().keySelector(), connected, consumers,
                        edge.streamEdge().target().getMaxParallelism(), 31L * edge.id() + index);
        BufferPool pool = new BufferPool(Math.max(4, 2 * connected.length + 2), BUFFER_SIZE);
        return new RecordWriter<>(serializer, pool, targets, channelAtTarget, connected, selector, flushEveryRecord);
    }

    StreamOperator<?> head() {
        return operators.get(0);
    }

    List<StreamOperator<?>> operators() {
        return operators;
    }

    /** Opens the operators tail first, so each operator's consumers are ready before it emits. */
    void open() throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
        }
    }

    /**
     * All input has ended: each operator, head first, learns it and emits what it buffered; then
     * the exchanges tell the consumers this producer has ended.
     */
    void endInput() throws Exception {
        for (StreamOperator<?> operator : operators) {
            if (operator instanceof BoundedOneInput) {
                ((BoundedOneInput) operator).endInput();
            }
            operator.finish();
        }
        for (RecordWriter<?> writer : writers) {
            writer.endOfPartition();
        }
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

    /** Closes every operator (also after a failure); the first exception is thrown after all are closed. */
    void close() throws Exception {
        Exception first = null;
        for (StreamOperator<?> operator : operators) {
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
        if (first != null) {
            throw first;
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
