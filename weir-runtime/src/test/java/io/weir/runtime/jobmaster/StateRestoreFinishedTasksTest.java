package io.weir.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.JobTopology;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Which tasks a failover restores as finished: those the checkpoint records as finished whose
 * producers are all restored as finished too, so that no record can reach a finished task.
 */
class StateRestoreFinishedTasksTest {
    /** Captures the pipeline instead of running it. */
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

    /** Source (2 subtasks) → keyBy → reduce and print (2 subtasks): every reducer reads both sources. */
    private static JobGraph job() throws Exception {
        CapturingExecutor executor = new CapturingExecutor();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
        env.setParallelism(2);
        env.fromSequence(1, 10).keyBy(x -> x % 2).reduce(Long::sum).print();
        env.executeAsync("finished tasks");
        ClassLoader cl = StateRestoreFinishedTasksTest.class.getClassLoader();
        return JobGraphBuilder.build(StreamGraphBuilder.build(executor.pipeline, cl), cl);
    }

    private static Set<TaskKey> restoredFinished(JobGraph job, Set<TaskKey> finishedInCheckpoint) throws Exception {
        CompletedCheckpoint checkpoint = new CompletedCheckpoint(3, 0, Map.of(), JobTopology.of(job), Map.of(), null,
                finishedInCheckpoint);
        return StateRestore.assign(job, checkpoint, null, false).finishedTasks();
    }

    @Test
    void aFinishedSourceSubtaskIsRestoredFinished() throws Exception {
        JobGraph job = job();
        TaskKey source0 = new TaskKey(job.getVertices().get(0).getId(), 0);
        assertEquals(Set.of(source0), restoredFinished(job, Set.of(source0)));
    }

    @Test
    void aFinishedTaskRunsAgainWhileAProducerOfItsInputRunsAgain() throws Exception {
        JobGraph job = job();
        int source = job.getVertices().get(0).getId();
        int reducer = job.getVertices().get(1).getId();
        TaskKey reducer0 = new TaskKey(reducer, 0);
        assertEquals(Set.of(new TaskKey(source, 0)),
                restoredFinished(job, Set.of(new TaskKey(source, 0), reducer0)), "source 1 runs again and feeds it");
        Set<TaskKey> all = Set.of(new TaskKey(source, 0), new TaskKey(source, 1), reducer0);
        assertEquals(all, restoredFinished(job, all));
    }

    @Test
    void aCheckpointWithoutFinishedTasksRestoresEveryTaskRunning() throws Exception {
        assertEquals(Set.of(), restoredFinished(job(), Set.of()));
    }
}
