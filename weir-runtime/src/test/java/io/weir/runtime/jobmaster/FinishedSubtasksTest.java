package io.weir.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Feeds where subtasks of a staged job finished and which TaskManager was lost, and checks which
 * finished subtasks must run again.
 */
class FinishedSubtasksTest {
    private static final String SURVIVOR = "tm-1";
    private static final String LOST = "tm-2";

    /**
     * sequence → map → keyBy → sum → map → keyBy → sum → print: three vertices of parallelism 2 with
     * all-to-all exchanges, as in BatchTaskManagerKillTest.
     */
    static JobGraph threeStages() throws Exception {
        Capturing executor = new Capturing();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(1, 10).map(v -> v % 5).keyBy(v -> v).reduce(Long::sum).map(v -> v % 2)
                .keyBy(v -> v).reduce(Long::sum).print();
        env.executeAsync("three stages");
        ClassLoader cl = FinishedSubtasksTest.class.getClassLoader();
        JobGraph job = JobGraphBuilder.build(StreamGraphBuilder.build(executor.pipeline, cl), cl);
        assertEquals(3, job.getVertices().size(), "source, middle, sink");
        assertTrue(job.hasBlockingExchanges());
        return job;
    }

    private static TaskKey t(int vertex, int subtask) {
        return new TaskKey(vertex, subtask);
    }

    /** Subtask 0 of each of {@code vertices} finished on the survivor, subtask 1 on the lost TaskManager. */
    private static void finishedOnBoth(FinishedSubtasks finished, int... vertices) {
        for (int v : vertices) {
            finished.finished(t(v, 0), SURVIVOR);
            finished.finished(t(v, 1), LOST);
        }
    }

    @Test
    void lostResultsStillReadByAnUnfinishedStageRunAgainWithTheirLostInputsAndNothingElse() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finishedOnBoth(finished, 0, 1); // the last stage runs

        assertEquals(Set.of(t(1, 1), t(0, 1)), finished.taskExecutorLost(LOST),
                "the middle subtask's result was lost and the sink needs it; to run again it needs the source's lost result");
        assertFalse(finished.isFinished(t(1, 1)));
        assertFalse(finished.isFinished(t(0, 1)));
        assertTrue(finished.isFinished(t(0, 0)), "its result is intact on the survivor");
        assertTrue(finished.isFinished(t(1, 0)), "its result is intact on the survivor");
    }

    @Test
    void finishedSinksStayFinishedWhereverTheyRan() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finishedOnBoth(finished, 0, 1, 2);

        assertEquals(Set.of(), finished.taskExecutorLost(LOST), "nobody needs the lost results any more");
        assertTrue(finished.isFinished(t(2, 1)), "a finished sink is never deployed again: its output is committed");
        assertTrue(finished.isFinished(t(1, 1)));
    }

    @Test
    void oneFinishedSinkSubtaskStaysFinishedWhileTheOtherNeedsTheLostResultsAgain() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finishedOnBoth(finished, 0, 1);
        finished.finished(t(2, 1), LOST); // ended (and committed) on the lost TaskManager before it was lost

        assertEquals(Set.of(t(1, 1), t(0, 1)), finished.taskExecutorLost(LOST), "sink subtask 0 still reads them");
        assertTrue(finished.isFinished(t(2, 1)));
    }

    @Test
    void lostResultsWhoseConsumersAllFinishedWithIntactResultsAreNotProducedAgain() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finished.finished(t(0, 0), SURVIVOR);
        finished.finished(t(0, 1), LOST);
        finished.finished(t(1, 0), SURVIVOR);
        finished.finished(t(1, 1), SURVIVOR);

        assertEquals(Set.of(), finished.taskExecutorLost(LOST), "the middle stage read them and keeps its own results");
        assertTrue(finished.isFinished(t(0, 1)));
    }

    @Test
    void aSubtaskDeployedAgainIsNoLongerFinishedAndALaterLossSeesWhereItFinishedLast() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finishedOnBoth(finished, 0);
        finished.deployed(t(0, 1));
        assertFalse(finished.isFinished(t(0, 1)));
        finished.finished(t(0, 1), SURVIVOR); // ran again, elsewhere

        assertEquals(Set.of(), finished.taskExecutorLost(LOST), "nothing of it is kept on the lost TaskManager now");
        assertTrue(finished.isFinished(t(0, 1)));
    }

    @Test
    void aLossOfATaskManagerWithoutResultsOfTheJobChangesNothing() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finishedOnBoth(finished, 0, 1);

        assertEquals(Set.of(), finished.taskExecutorLost("tm-3"));
        assertTrue(finished.isFinished(t(1, 1)));
    }

    @Test
    void resultsLostEarlierButNotNeededThenAreProducedAgainWhenALaterLossMakesAConsumerRunAgain() throws Exception {
        FinishedSubtasks finished = FinishedSubtasks.of(threeStages());
        finishedOnBoth(finished, 0);
        finished.finished(t(1, 0), SURVIVOR);
        finished.finished(t(1, 1), SURVIVOR);
        assertEquals(Set.of(), finished.taskExecutorLost(LOST), "the middle stage has read them");

        assertEquals(Set.of(t(1, 0), t(1, 1), t(0, 0), t(0, 1)), finished.taskExecutorLost(SURVIVOR),
                "the sink needs the middle stage again, which needs both source results: one lost now, one before");
    }

    @Test
    void pointwiseChainsRunAgainOnlyWhereALostResultIsStillNeeded() {
        // a[i] -> b[i] -> c[i], one to one
        Map<TaskKey, Set<TaskKey>> consumers = Map.of(
                t(0, 0), Set.of(t(1, 0)), t(0, 1), Set.of(t(1, 1)),
                t(1, 0), Set.of(t(2, 0)), t(1, 1), Set.of(t(2, 1)));
        FinishedSubtasks finished = new FinishedSubtasks(task -> consumers.getOrDefault(task, Set.of()));
        for (TaskKey task : List.of(t(0, 0), t(0, 1), t(1, 0), t(1, 1))) {
            finished.finished(task, LOST);
        }
        finished.finished(t(2, 1), SURVIVOR); // the chain of subtask 1 is done; c[0] still runs

        assertEquals(Set.of(t(0, 0), t(1, 0)), finished.taskExecutorLost(LOST),
                "c[0] needs b[0], which needs a[0]; chain 1 is complete");
        assertTrue(finished.isFinished(t(1, 1)));
        assertTrue(finished.isFinished(t(0, 1)));
    }

    /** Captures the pipeline instead of running it. */
    private static final class Capturing implements PipelineExecutor {
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
}
