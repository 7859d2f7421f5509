package io.weir.runtime.graph;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.execution.Pipeline;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.transformations.AbstractMultipleInputTransformation;
import io.weir.api.transformations.CollectTransformation;
import io.weir.api.transformations.Exchange;
import io.weir.api.transformations.FunctionSourceTransformation;
import io.weir.api.transformations.KeyedMultipleInputTransformation;
import io.weir.api.transformations.OneInputTransformation;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.PartitionTransformation;
import io.weir.api.transformations.SideOutputTransformation;
import io.weir.api.transformations.SinkTransformation;
import io.weir.api.transformations.SourceTransformation;
import io.weir.api.transformations.Transformation;
import io.weir.api.transformations.TwoInputTransformation;
import io.weir.api.transformations.UnionTransformation;
import io.weir.runtime.collect.CollectCoordinatorProvider;
import io.weir.runtime.collect.CollectSinkOperator;
import io.weir.runtime.operators.BuiltInOperators;
import io.weir.runtime.sink.SinkWriterOperator;
import io.weir.runtime.source.FunctionSourceOperatorFactory;
import io.weir.runtime.source.SourceOperatorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates the transformations of a {@link Pipeline} into a {@link StreamGraph}: one node per
 * operator; partitionings, unions and side outputs become properties of the edges.
 */
public final class StreamGraphBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(StreamGraphBuilder.class);

    private static final String DEFAULT_SLOT_SHARING_GROUP = "default";

    private final Pipeline pipeline;
    private final ClassLoader userClassLoader;
    private final int defaultParallelism;
    private final int defaultMaxParallelism;
    private final List<StreamNode> nodes = new ArrayList<>();
    private final Map<Integer, List<Endpoint>> translated = new HashMap<>();
    private int nextEdgeId;
    private boolean allSourcesBounded = true;

    /**
     * A node's output as seen by a downstream operator: with the exchange and key chosen on the way,
     * and the side output it reads ({@code null} for the main output).
     */
    private record Endpoint(StreamNode node, Exchange exchange, KeySelector<?, ?> keySelector, OutputTag<?> outputTag) {}

    private StreamGraphBuilder(Pipeline pipeline, ClassLoader userClassLoader) {
        this.pipeline = pipeline;
        this.userClassLoader = userClassLoader;
        this.defaultParallelism = pipeline.configuration().get(PipelineOptions.PARALLELISM);
        this.defaultMaxParallelism = pipeline.configuration().get(PipelineOptions.MAX_PARALLELISM);
    }

    public static StreamGraph build(Pipeline pipeline, ClassLoader userClassLoader) {
        StreamGraphBuilder builder = new StreamGraphBuilder(pipeline, userClassLoader);
        for (Transformation<?> sink : pipeline.sinks()) {
            builder.translate(sink);
        }
        builder.checkRuntimeMode();
        OperatorIds.assign(builder.nodes);
        return new StreamGraph(pipeline.jobName(), builder.nodes, pipeline.executionConfig(),
                withoutCheckpointsInBatch(pipeline));
    }

    /** Fails BATCH jobs with unbounded sources; resolves AUTOMATIC to BATCH when all sources are bounded. */
    private void checkRuntimeMode() {
        RuntimeExecutionMode mode = pipeline.runtimeMode();
        if (mode == RuntimeExecutionMode.BATCH && !allSourcesBounded) {
            throw new InvalidProgramException("Job '" + pipeline.jobName() + "' runs in BATCH mode but has an unbounded "
                    + "source. Use bounded sources, or run it in STREAMING mode (setRuntimeMode(STREAMING)).");
        }
        if (mode == RuntimeExecutionMode.AUTOMATIC) {
            pipeline.executionConfig().setRuntimeMode(
                    allSourcesBounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        }
    }

    /**
     * The job's configuration, without checkpointing in BATCH mode: as in Flink, a BATCH job takes
     * no checkpoints (a failed job runs again from its bounded input), and a checkpoint interval set
     * for it is ignored, with a note in the log.
     */
    private static Configuration withoutCheckpointsInBatch(Pipeline pipeline) {
        Configuration configuration = pipeline.configuration();
        if (pipeline.executionConfig().getRuntimeMode() != RuntimeExecutionMode.BATCH
                || configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isEmpty()) {
            return configuration;
        }
        LOG.info("Job '{}' runs in BATCH mode: its checkpoint interval is ignored (BATCH jobs take no checkpoints; a "
                + "failed job runs again from its bounded input).", pipeline.jobName());
        Configuration copy = new Configuration(configuration);
        copy.removeConfig(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        return copy;
    }

    private List<Endpoint> translate(Transformation<?> t) {
        List<Endpoint> done = translated.get(t.getId());
        if (done != null) {
            return done;
        }
        List<Endpoint> result;
        if (t instanceof SourceTransformation<?> s) {
            result = List.of(endpoint(source(s)));
        } else if (t instanceof FunctionSourceTransformation<?> f) {
            result = List.of(endpoint(functionSource(f)));
        } else if (t instanceof OneInputTransformation<?, ?> o) {
            result = List.of(endpoint(oneInput(o)));
        } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
            result = List.of(endpoint(twoInput(two)));
        } else if (t instanceof AbstractMultipleInputTransformation<?> m) {
            result = List.of(endpoint(multipleInput(m)));
        } else if (t instanceof PartitionTransformation<?> p) {
            result = new ArrayList<>();
            for (Endpoint up : translate(p.getInput())) {
                result.add(new Endpoint(up.node(), p.getExchange(), p.getKeySelector(), up.outputTag()));
            }
        } else if (t instanceof SideOutputTransformation<?> so) {
            result = new ArrayList<>();
            for (Endpoint up : translate(so.getInput())) {
                result.add(new Endpoint(up.node(), up.exchange(), up.keySelector(), so.getOutputTag()));
            }
        } else if (t instanceof UnionTransformation<?> u) {
            result = new ArrayList<>();
            for (Transformation<?> input : u.getInputs()) {
                result.addAll(translate(input));
            }
        } else if (t instanceof SinkTransformation<?> s) {
            StreamNode node = addNode(s, new SerializedOperatorFactory(new SinkWriterOperator<>(s.getSink()), s.getName(), userClassLoader), null, null,
                    inheritedGroup(s.getInputs()));
            connect(translate(s.getInput()), node, 0);
            result = List.of();
        } else if (t instanceof CollectTransformation<?> c) {
            StreamNode node = addNode(c, new SerializedOperatorFactory(new CollectSinkOperator<>(
                    c.getInput().getOutputType().createSerializer(pipeline.executionConfig().getSerializerConfig())),
                    c.getName(), userClassLoader, new CollectCoordinatorProvider(c.getCollectId())),
                    null, null, inheritedGroup(c.getInputs()));
            connect(translate(c.getInput()), node, 0);
            result = List.of();
        } else {
            throw new IllegalArgumentException("Unknown transformation " + t);
        }
        translated.put(t.getId(), result);
        return result;
    }

    private <T> StreamNode source(SourceTransformation<T> s) {
        if (s.getSource().getBoundedness() != Boundedness.BOUNDED) {
            allSourcesBounded = false;
        }
        return addNode(s, new SourceOperatorFactory<T, io.weir.api.connector.source.SourceSplit>(s.getSource(),
                s.getWatermarkStrategy(), s.getName(), userClassLoader), s.getOutputType(), null,
                DEFAULT_SLOT_SHARING_GROUP);
    }

    private StreamNode functionSource(FunctionSourceTransformation<?> f) {
        if (f.getBoundedness() != Boundedness.BOUNDED) {
            allSourcesBounded = false;
        }
        return addNode(f, new FunctionSourceOperatorFactory(f.getOperator(), f.getName(), userClassLoader),
                f.getOutputType(), null, DEFAULT_SLOT_SHARING_GROUP);
    }

    private <IN, OUT> StreamNode oneInput(OneInputTransformation<IN, OUT> o) {
        List<Endpoint> inputs = translate(o.getInput());
        StreamNode node = addNode(o, operatorFactory(o.getOperator(), o.getName()),
                o.getOutputType(), o.getStateKeySelector(), inheritedGroup(o.getInputs()));
        node.setStateKeyType(o.getStateKeyType());
        connect(inputs, node, 0);
        return node;
    }

    private <IN1, IN2, OUT> StreamNode twoInput(TwoInputTransformation<IN1, IN2, OUT> t) {
        List<Endpoint> inputs1 = translate(t.getInput1());
        List<Endpoint> inputs2 = translate(t.getInput2());
        StreamNode node = addNode(t, operatorFactory(t.getOperator(), t.getName()),
                t.getOutputType(), t.getStateKeySelector1(), inheritedGroup(t.getInputs()));
        node.setStateKeySelector2(t.getStateKeySelector2());
        node.setStateKeyType(t.getStateKeyType());
        node.setTwoInput(true);
        connect(inputs1, node, 0);
        connect(inputs2, node, 1);
        return node;
    }

    /**
     * A node with one input per input of the transformation, each edge carrying its input's index;
     * the operator is created on the task by the user's factory.
     */
    private StreamNode multipleInput(AbstractMultipleInputTransformation<?> t) {
        List<Transformation<?>> inputs = t.getInputs();
        if (inputs.isEmpty()) {
            throw new InvalidProgramException("Multiple-input operator '" + t.getName() + "' has no inputs: call "
                    + "addInput(...) for each of its inputs.");
        }
        List<List<Endpoint>> translatedInputs = new ArrayList<>();
        for (Transformation<?> input : inputs) {
            translatedInputs.add(translate(input));
        }
        KeySelector<?, ?>[] keySelectors = new KeySelector<?, ?>[inputs.size()];
        io.weir.api.types.TypeInformation<?> keyType = null;
        if (t instanceof KeyedMultipleInputTransformation<?> keyed) {
            keyed.getStateKeySelectors().toArray(keySelectors);
            keyType = keyed.getStateKeyType();
        }
        StreamNode node = addNode(t, new UserOperatorFactory(t.getOperatorFactory(), t.getName(), userClassLoader),
                t.getOutputType(), keySelectors[0], inheritedGroup(inputs));
        node.setStateKeyType(keyType);
        node.setMultipleInputs(inputs.size(), keySelectors);
        for (int index = 0; index < inputs.size(); index++) {
            connect(translatedInputs.get(index), node, index);
        }
        return node;
    }

    /** Builds the operator the API described once, here; each subtask then gets a copy of it. */
    private OperatorFactory operatorFactory(OperatorDescription operator, String name) {
        return new SerializedOperatorFactory(BuiltInOperators.create(operator), name, userClassLoader);
    }

    private String inheritedGroup(List<Transformation<?>> inputs) {
        String group = null;
        for (Transformation<?> input : inputs) {
            for (Endpoint e : translate(input)) {
                String g = e.node().getSlotSharingGroup();
                if (group == null) {
                    group = g;
                } else if (!group.equals(g)) {
                    return DEFAULT_SLOT_SHARING_GROUP;
                }
            }
        }
        return group == null ? DEFAULT_SLOT_SHARING_GROUP : group;
    }

    private StreamNode addNode(Transformation<?> t, OperatorFactory factory,
            io.weir.api.types.TypeInformation<?> outputType, KeySelector<?, ?> stateKeySelector, String inheritedGroup) {
        int parallelism = t.getParallelism() == Transformation.DEFAULT_PARALLELISM ? defaultParallelism : t.getParallelism();
        int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism() : defaultMaxParallelism;
        if (parallelism > maxParallelism) {
            throw new InvalidProgramException("Operator '" + t.getName() + "' has parallelism " + parallelism
                    + ", above its max parallelism (number of key groups) " + maxParallelism + ". Lower the parallelism "
                    + "or raise the max parallelism with setMaxParallelism(...).");
        }
        String group = t.getSlotSharingGroup() != null ? t.getSlotSharingGroup() : inheritedGroup;
        ChainingStrategy chaining = t.getChainingStrategy();
        StreamNode node = new StreamNode(t.getId(), t.getName(), factory,
                new StreamNode.NodeSettings(parallelism, maxParallelism, group, chaining), outputType, stateKeySelector);
        node.setUid(t.getUid());
        node.setBufferTimeout(t.getBufferTimeout());
        nodes.add(node);
        return node;
    }

    private void connect(List<Endpoint> inputs, StreamNode target, int inputIndex) {
        for (Endpoint input : inputs) {
            Exchange exchange = input.exchange();
            StreamNode source = input.node();
            if (exchange == null) {
                exchange = source.getParallelism() == target.getParallelism() ? Exchange.FORWARD : Exchange.REBALANCE;
            } else if (exchange == Exchange.FORWARD && source.getParallelism() != target.getParallelism()) {
                throw new InvalidProgramException("forward() between '" + source.getName() + "' (parallelism "
                        + source.getParallelism() + ") and '" + target.getName() + "' (parallelism "
                        + target.getParallelism() + ") is not possible: FORWARD needs equal parallelism. Use "
                        + "rebalance() or rescale(), or give both operators the same parallelism.");
            }
            OutputTag<?> tag = input.outputTag();
            StreamEdge edge = new StreamEdge(nextEdgeId++, source, target, exchange, input.keySelector(), tag,
                    tag == null ? null : tag.getTypeInfo(), inputIndex);
            source.getOutEdges().add(edge);
            target.getInEdges().add(edge);
        }
    }

    private static Endpoint endpoint(StreamNode node) {
        return new Endpoint(node, null, null, null);
    }
}
