package io.weir.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.transformations.Exchange;
import io.weir.api.types.TypeSerializer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Operator chaining: which operators end up in one task. */
class JobGraphBuilderTest {
    /** Captures the pipeline instead of running it. */
    static final class CapturingExecutor implements PipelineExecutor {
        Pipeline pipeline;

        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) {
            this.pipeline = pipeline;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
            throw new UnsupportedOperationException();
        }
    }

    private final CapturingExecutor executor = new CapturingExecutor();
    private final StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());

    private JobGraph build() throws Exception {
        env.executeAsync("test");
        ClassLoader cl = getClass().getClassLoader();
        return JobGraphBuilder.build(StreamGraphBuilder.build(executor.pipeline, cl), cl);
    }

    private static List<String> vertexNames(JobGraph job) {
        return job.getVertices().stream().map(JobVertex::getName).collect(Collectors.toList());
    }

    @Test
    void forwardOperatorsOfEqualParallelismChainAndKeyByStartsANewTask() throws Exception {
        env.setParallelism(2);
        env.fromSequence(1, 10).map(x -> x).name("m").filter(x -> true).name("f")
                .keyBy(x -> x % 2).reduce(Long::sum).name("r").print().name("p");
        JobGraph job = build();
        assertEquals(List.of("Sequence Source -> m -> f", "r -> p"), vertexNames(job));
        assertEquals(1, job.getEdges().size());
        assertEquals(Exchange.HASH, job.getEdges().get(0).streamEdge().exchange());
        assertEquals(2, job.requiredSlots());
    }

    @Test
    void aTaskFlushesAtTheShortestBufferTimeoutItsOperatorsSetOrTheJobDefault() throws Exception {
        env.setParallelism(1);
        env.fromSequence(1, 10).map(x -> x).name("a").setBufferTimeout(-1)
                .map(x -> x).name("b").setBufferTimeout(50).map(x -> x).name("c").setBufferTimeout(20)
                .rebalance().map(x -> x).name("d").setBufferTimeout(0)
                .rebalance().map(x -> x).name("e").setBufferTimeout(-1).print().name("p");
        JobGraph job = build();
        assertEquals(List.of("Sequence Source -> a -> b -> c", "d", "e -> p"), vertexNames(job));
        assertEquals(20, job.getVertices().get(0).bufferTimeout(100), "the shortest of the chain");
        assertEquals(0, job.getVertices().get(1).bufferTimeout(100), "every record");
        assertEquals(100, job.getVertices().get(2).bufferTimeout(100), "-1: the job's");
    }

    @Test
    void disableChainingAndStartNewChainSplitTasks() throws Exception {
        env.setParallelism(1);
        env.fromSequence(1, 10).map(x -> x).name("a").disableChaining()
                .map(x -> x).name("b").map(x -> x).name("c").startNewChain().map(x -> x).name("d").print().name("p");
        assertEquals(List.of("Sequence Source", "a", "b", "c -> d -> p"), vertexNames(build()));
    }

    @Test
    void differentParallelismRebalancesAndSlotSharingGroupsAddSlots() throws Exception {
        env.setParallelism(3);
        env.fromSequence(1, 10).map(x -> x).name("m").setParallelism(2).slotSharingGroup("other")
                .print().name("p");
        JobGraph job = build();
        assertEquals(List.of("Sequence Source", "m", "p"), vertexNames(job));
        assertEquals(Exchange.REBALANCE, job.getEdges().get(0).streamEdge().exchange());
        // group "default" needs 3 slots (the source); group "other" needs 3: m (2) and p, which inherits the group (3)
        assertEquals(java.util.Map.of("default", 3, "other", 3), job.slotsPerSharingGroup());
        assertEquals(6, job.requiredSlots());
    }

    @Test
    void unionFeedsOneTaskFromSeveralInputs() throws Exception {
        env.setParallelism(2);
        var a = env.fromSequence(1, 10);
        var b = env.fromSequence(1, 10);
        a.union(b).map(x -> x).name("m").print().name("p");
        JobGraph job = build();
        JobVertex consumer = job.getVertices().get(job.getVertices().size() - 1);
        assertEquals("m -> p", consumer.getName());
        assertEquals(2, consumer.getInputs().size());
        assertEquals(2, consumer.channelOffset(consumer.getInputs().get(1)));
    }

    static final class Tag implements io.weir.api.functions.CoMapFunction<Long, Long, String> {
        @Override
        public String map1(Long value) {
            return "1:" + value;
        }

        @Override
        public String map2(Long value) {
            return "2:" + value;
        }
    }

    @Test
    void aTwoInputOperatorHeadsItsChainAndItsEdgesNameTheInputTheyFeed() throws Exception {
        env.setParallelism(2);
        var first = env.fromSequence(1, 10).map(x -> x).name("m1");
        var second = env.fromSequence(1, 10).keyBy(x -> x).map(x -> x).name("m2");
        first.connect(second.union(env.fromSequence(20, 30))).map(new Tag()).name("co").map(s -> s).name("after")
                .print().name("p");
        JobGraph job = build();
        JobVertex co = job.getVertices().stream().filter(v -> v.getHead().getName().equals("co")).findFirst()
                .orElseThrow();
        assertEquals("co -> after -> p", co.getName());
        assertEquals(List.of(0, 1, 1), co.getInputs().stream().map(e -> e.streamEdge().inputIndex())
                .collect(Collectors.toList()));
        assertEquals(Exchange.FORWARD, co.getInputs().get(0).streamEdge().exchange(),
                "equal parallelism without a partitioning connects forward, but over the network");
        assertEquals(4, co.channelOffset(co.getInputs().get(2)), "channels are numbered over both inputs");
    }

    /** Sources a (FLIP-27), b (FLIP-27, as given) and c (fromData, rebalanced) into op (HEAD_WITH_SOURCES) -> m -> p. */
    private io.weir.api.transformations.MultipleInputTransformation<Long> headWithSources(
            io.weir.api.datastream.DataStream<Long> b) {
        io.weir.api.transformations.MultipleInputTransformation<Long> transform =
                new io.weir.api.transformations.MultipleInputTransformation<>("op", new PassFirstInput(),
                        io.weir.api.types.Types.LONG, 1);
        transform.addInput(env.fromSequence(1, 10).name("a").getTransformation());
        transform.addInput(b.getTransformation());
        transform.addInput(env.fromData(1L, 2L).name("c").rebalance().getTransformation());
        transform.setChainingStrategy(io.weir.api.operators.ChainingStrategy.HEAD_WITH_SOURCES);
        env.addOperator(transform);
        new io.weir.api.datastream.MultipleConnectedStreams(env).transform(transform).map(x -> x).name("m")
                .print().name("p");
        return transform;
    }

    @Test
    void aMultipleInputOperatorWithHeadWithSourcesRunsItsForwardSourcesInItsTask() throws Exception {
        env.setParallelism(1);
        headWithSources(env.fromSequence(1, 10).name("b"));
        JobGraph job = build();
        assertEquals(List.of("[a, b] -> op -> m -> p", "c"), vertexNames(job).stream().sorted().toList());
        JobVertex op = job.getVertices().stream().filter(v -> v.getHead().getName().equals("op")).findFirst()
                .orElseThrow();
        assertEquals(List.of("a", "b"), op.getChainedSources().stream().map(StreamNode::getName).toList());
        assertEquals(2, op.headIndex());
        assertEquals(List.of("a", "b", "op", "m", "p"), op.getChain().stream().map(StreamNode::getName).toList());
        assertEquals(List.of(2), op.getInputs().stream().map(e -> e.streamEdge().inputIndex()).toList(),
                "only the rebalanced input is an exchange");
        assertFalse(op.isSource());
    }

    @Test
    void aSourceThatCannotChainIntoTheOperatorRunsAsItsOwnTask() throws Exception {
        env.setParallelism(1);
        // b: another parallelism; the operator chains only a, its forward source of the same parallelism
        headWithSources(env.fromSequence(1, 10).name("b").setParallelism(2));
        assertEquals(List.of("[a] -> op -> m -> p", "b", "c"), vertexNames(build()).stream().sorted().toList());
    }

    @Test
    void aSourceWithASecondOutputIsNotChained() throws Exception {
        env.setParallelism(1);
        var b = env.fromSequence(1, 10).name("b");
        b.map(x -> x).name("other").print().name("q"); // b feeds two operators
        headWithSources(b);
        assertEquals(List.of("[a] -> op -> m -> p", "b -> other -> q", "c"),
                vertexNames(build()).stream().sorted().toList());
    }

    @Test
    void withoutHeadWithSourcesTheSourcesRunAsTheirOwnTasks() throws Exception {
        env.setParallelism(1);
        io.weir.api.transformations.MultipleInputTransformation<Long> transform = headWithSources(
                env.fromSequence(1, 10).name("b"));
        transform.setChainingStrategy(io.weir.api.operators.ChainingStrategy.HEAD);
        assertEquals(List.of("a", "b", "c", "op -> m -> p"), vertexNames(build()).stream().sorted().toList());
    }

    /** A factory that is never asked for an operator: the job graph is only built. */
    static final class PassFirstInput extends io.weir.api.operators.AbstractStreamOperatorFactory<Long> {
        @Override
        public <T extends io.weir.api.operators.StreamOperator<Long>> T createStreamOperator(
                io.weir.api.operators.StreamOperatorParameters<Long> parameters) {
            throw new UnsupportedOperationException("only the job graph is built");
        }
    }
}
