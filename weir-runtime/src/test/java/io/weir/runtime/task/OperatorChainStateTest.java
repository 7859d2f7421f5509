package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.configuration.Configuration;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.Collector;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.runtime.graph.StreamNode;
import java.util.ArrayList;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.metrics.ScopedMetricGroup;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The task's side of checkpoints: a chain snapshots its operators and a new chain starts from that state. */
class OperatorChainStateTest {
    /** Counts per key in keyed state, registers a timer per element and counts all elements in operator state. */
    static final class CountingFunction extends KeyedProcessFunction<Long, Long, Long>
            implements CheckpointedFunction, CheckpointListener {
        transient ValueState<Long> count;
        transient ListState<Long> totalState;
        long total;
        boolean restored;
        final List<Long> completed = new ArrayList<>();

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            Long n = count.value();
            count.update(n == null ? 1 : n + 1);
            ctx.timerService().registerEventTimeTimer(value * 10);
            total++;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            totalState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("total", Long.class));
            restored = context.isRestored();
            for (Long t : totalState.get()) {
                total += t;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            totalState.update(List.of(total));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed.add(checkpointId);
        }
    }

    /** A clock that stands still: the test registers only event-time timers. */
    private static final class StoppedClock implements ProcessingTimeService {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public void registerTimer(long time, ProcessingTimeCallback callback) {}
    }

    private static final class CapturingExecutor implements PipelineExecutor {
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

    private static JobGraph job() throws Exception {
        CapturingExecutor executor = new CapturingExecutor();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
        env.fromSequence(1, 10).keyBy(x -> x % 3).process(new CountingFunction()).name("count")
                .sinkTo(new DiscardingSink<>());
        env.executeAsync("state");
        ClassLoader cl = OperatorChainStateTest.class.getClassLoader();
        return JobGraphBuilder.build(StreamGraphBuilder.build(executor.pipeline, cl), cl);
    }

    private static OperatorChain chain(TaskDeployment deployment) {
        return new OperatorChain(deployment, new LocalExchange(), true, new OperatorChain.TaskServices(node -> null,
                new StoppedClock(), null, new TaskAccumulators(deployment.taskName()),
                ScopedMetricGroup.taskManager(MetricRegistry.unreported(), "localhost", "test").addJob("j", "j")
                        .addTask("t", deployment.taskName(), deployment.subtaskIndex(), 0)));
    }

    @SuppressWarnings("unchecked")
    private static void feed(OperatorChain chain, long... values) throws Exception {
        OneInputStreamOperator<Long, Long> head = (OneInputStreamOperator<Long, Long>) chain.head();
        for (long v : values) {
            StreamRecord<Long> record = new StreamRecord<>(v, v);
            head.setKeyContextElement(record);
            head.processElement(record);
        }
    }

    private static CountingFunction function(OperatorChain chain) {
        return (CountingFunction) ((AbstractUdfStreamOperator<?, ?>) chain.head()).getUserFunction();
    }

    @Test
    void aChainRestoredFromItsSnapshotHasTheKeyedStateTimersAndOperatorStateOfTheCheckpoint() throws Exception {
        JobGraph job = job();
        JobVertex vertex = job.getVertices().get(1);
        StreamNode countNode = vertex.getChain().get(0);
        assertEquals("count", countNode.getName());

        OperatorChain first = chain(new TaskDeployment(job, vertex, 0, 0));
        first.open();
        assertFalse(function(first).restored);
        feed(first, 1, 2, 3, 4, 5);
        TaskStateSnapshot snapshot = first.snapshotState(7, 1234, false);
        feed(first, 6, 7); // after the checkpoint: must not be in the restored state
        first.close();

        assertEquals(7, snapshot.checkpointId());
        OperatorSubtaskState state = snapshot.of(countNode.getId());
        assertFalse(state.keyedState().isEmpty());
        assertEquals(1, state.operatorState().size());

        OperatorChain second = chain(new TaskDeployment(job, vertex, 0, 1, snapshot));
        second.open();
        CountingFunction restored = function(second);
        assertTrue(restored.restored);
        assertEquals(5, restored.total);
        AbstractStreamOperator<?> head = (AbstractStreamOperator<?>) second.head();
        assertEquals(5, head.getOperatorContext().getInternalTimerServices().numEventTimeTimers());
        ValueStateDescriptor<Long> count = new ValueStateDescriptor<>("count", Long.class);
        long[] expected = {1, 2, 2}; // keys 0 (3), 1 (1, 4), 2 (2, 5)
        for (long key = 0; key < 3; key++) {
            head.getKeyedStateBackend().setCurrentKey(key);
            assertEquals(expected[(int) key], head.getKeyedStateBackend().getPartitionedState(count).value());
        }

        second.notifyCheckpointComplete(8);
        second.notifyCheckpointAborted(9);
        assertEquals(List.of(8L), restored.completed);
        second.close();
    }

    @Test
    void aChainStartedFromEmptyStateIsNotRestoredAndSnapshotsNoKeyGroups() throws Exception {
        JobGraph job = job();
        OperatorChain chain = chain(new TaskDeployment(job, job.getVertices().get(1), 0, 0, TaskStateSnapshot.EMPTY));
        chain.open();
        assertFalse(function(chain).restored, "EMPTY is a fresh start");
        TaskStateSnapshot snapshot = chain.snapshotState(1, 1, false);
        // the function's operator state (the total, 0) is there; the key groups are empty
        assertTrue(snapshot.of(job.getVertices().get(1).getChain().get(0).getId()).keyedState().isEmpty());
        chain.close();
    }
}
