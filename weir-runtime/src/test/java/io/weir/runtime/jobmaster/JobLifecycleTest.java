package io.weir.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobStatus;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.restart.FixedDelayRestartStrategy;
import io.weir.runtime.restart.NoRestartStrategy;
import io.weir.runtime.restart.RestartStrategy;
import io.weir.runtime.task.StreamTask.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Feeds events to a job's life cycle and checks the commands it issues. */
class JobLifecycleTest {
    private static final TaskKey A = new TaskKey(1, 0);
    private static final TaskKey B = new TaskKey(2, 0);

    private final List<String> log = new ArrayList<>();
    private Throwable endFailure;

    private JobLifecycle lifecycle(RestartStrategy strategy) {
        return new JobLifecycle(Set.of(A, B), strategy, Clock.systemUTC(), new JobLifecycle.Commands() {
            @Override
            public void deploy(int attempt) {
                log.add("deploy " + attempt);
            }

            @Override
            public void cancelTasks(int attempt, List<TaskKey> tasks) {
                log.add("cancel " + attempt + " " + tasks);
            }

            @Override
            public void scheduleRestart(int attempt, Duration delay) {
                log.add("restart " + attempt + " after " + delay.toMillis());
            }

            @Override
            public void jobEnded(JobStatus status, Throwable failure, String failedTask) {
                log.add("ended " + status + (failedTask == null ? "" : " by " + failedTask));
                endFailure = failure;
            }
        });
    }

    @Test
    void jobFinishesWhenEveryTaskFinished() {
        JobLifecycle job = lifecycle(new NoRestartStrategy());
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.FINISHED, null, "a");
        assertEquals(JobStatus.RUNNING, job.status());
        job.onTaskEnded(B, 0, Outcome.FINISHED, null, "b");
        assertEquals(List.of("deploy 0", "ended FINISHED"), log);
    }

    @Test
    void failureWithoutRestartCancelsTheOthersAndFailsTheJob() {
        JobLifecycle job = lifecycle(new NoRestartStrategy());
        job.onSlotsReady();
        RuntimeException boom = new RuntimeException("boom");
        job.onTaskEnded(A, 0, Outcome.FAILED, boom, "a");
        assertEquals(JobStatus.FAILING, job.status());
        job.onTaskEnded(B, 0, Outcome.CANCELED, null, "b");
        assertEquals(List.of("deploy 0", "cancel 0 [TaskKey[vertexId=2, subtaskIndex=0]]", "ended FAILED by a"), log);
        assertSame(boom, endFailure);
    }

    @Test
    void aTaskEndingCancelledWhileNothingCancelledItIsAFailure() {
        JobLifecycle job = lifecycle(new NoRestartStrategy());
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.CANCELED, null, "a");
        assertEquals(JobStatus.FAILING, job.status(), "not a quiet end: its consumers would wait forever");
        job.onTaskEnded(B, 0, Outcome.CANCELED, null, "b");
        assertEquals("ended FAILED by a", log.get(log.size() - 1));
        assertTrue(endFailure.getMessage().contains("although nothing cancelled it"), endFailure.getMessage());
    }

    @Test
    void failureWithRestartRedeploysTheNextAttemptAfterTheDelay() {
        JobLifecycle job = lifecycle(new FixedDelayRestartStrategy(1, Duration.ofMillis(30)));
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.FAILED, new RuntimeException(), "a");
        assertEquals(JobStatus.RESTARTING, job.status());
        job.onTaskEnded(B, 0, Outcome.CANCELED, null, "b");
        assertEquals("restart 0 after 30", log.get(log.size() - 1));
        job.onRestartDelayElapsed(0);
        assertEquals(JobStatus.RUNNING, job.status());
        assertEquals(1, job.attempt());
        assertEquals(1, job.restarts());
        assertEquals("deploy 1", log.get(log.size() - 1));
        job.onTaskEnded(A, 0, Outcome.FINISHED, null, "a");
        assertEquals(ExecutionState.DEPLOYED, job.executionState(A), "events of the old attempt are ignored");
        job.onTaskEnded(A, 1, Outcome.FAILED, new RuntimeException("again"), "a");
        assertEquals(JobStatus.FAILING, job.status(), "the strategy allowed one restart only");
    }

    @Test
    void cancelWhileRestartingEndsCanceledAndIgnoresTheDelay() {
        JobLifecycle job = lifecycle(new FixedDelayRestartStrategy(3, Duration.ofMillis(30)));
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.FAILED, new RuntimeException(), "a");
        job.onTaskEnded(B, 0, Outcome.CANCELED, null, "b");
        job.cancel();
        assertEquals(JobStatus.CANCELED, job.status());
        job.onRestartDelayElapsed(0);
        assertEquals(JobStatus.CANCELED, job.status());
        assertEquals("ended CANCELED by a", log.get(log.size() - 1));
    }

    @Test
    void globalFailureRestartsLikeATaskFailure() {
        JobLifecycle job = lifecycle(new FixedDelayRestartStrategy(1, Duration.ZERO));
        job.onSlotsReady();
        job.onGlobalFailure(new RuntimeException("checkpoints"), "checkpoint coordinator");
        assertEquals(JobStatus.RESTARTING, job.status());
        assertEquals("cancel 0 [TaskKey[vertexId=1, subtaskIndex=0], TaskKey[vertexId=2, subtaskIndex=0]]", log.get(1));
    }

    @Test
    void anAttemptThatCannotDeployFailsWithoutWaitingForTasksThatNeverRan() {
        JobLifecycle job = lifecycle(new NoRestartStrategy());
        job.onSlotsReady();
        job.onDeploymentFailed(new IllegalStateException("state of a lost operator"), "state restore");
        assertEquals(List.of("deploy 0", "ended FAILED by state restore"), log);
    }

    @Test
    void failureBeforeDeploymentFailsAtOnce() {
        JobLifecycle job = lifecycle(new FixedDelayRestartStrategy(1, Duration.ZERO));
        job.onStartFailed(new RuntimeException("no slots"));
        assertEquals(List.of("ended FAILED"), log);
    }

    @Test
    void cancelBeforeDeploymentEndsCanceledAtOnce() {
        JobLifecycle job = lifecycle(new NoRestartStrategy());
        job.cancel();
        assertEquals(List.of("ended CANCELED"), log);
        job.onSlotsReady();
        assertEquals(List.of("ended CANCELED"), log, "late slots deploy nothing");
    }

    private static final TaskKey B2 = new TaskKey(2, 1);

    /** A job of A and B (two subtasks) whose regions are its vertices, as a staged BATCH job's are. */
    private JobLifecycle regional(RestartStrategy strategy) {
        return new JobLifecycle(Set.of(A, B, B2), strategy, Clock.systemUTC(), new JobLifecycle.Commands() {
            @Override
            public void deploy(int attempt) {
                log.add("deploy " + attempt);
            }

            @Override
            public void cancelTasks(int attempt, List<TaskKey> tasks) {
                log.add("cancel " + attempt + " " + tasks);
            }

            @Override
            public void scheduleRestart(int attempt, Duration delay) {
                log.add("restart " + attempt);
            }

            @Override
            public void jobEnded(JobStatus status, Throwable failure, String failedTask) {
                log.add("ended " + status + (failedTask == null ? "" : " by " + failedTask));
            }

            @Override
            public Set<TaskKey> regionOf(TaskKey failed) {
                return failed.vertexId() == 1 ? Set.of(A) : Set.of(B, B2);
            }

            @Override
            public void scheduleRegionRestart(Set<TaskKey> region, Duration delay) {
                log.add("region restart " + region.size());
            }

            @Override
            public void deployRegion(Set<TaskKey> region) {
                log.add("deploy region " + region.size());
            }
        });
    }

    @Test
    void aFailureInARegionRestartsThatRegionAloneAsItsNextAttempt() {
        JobLifecycle job = regional(new FixedDelayRestartStrategy(1, Duration.ofMillis(10)));
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.FINISHED, null, "a");
        job.onTaskEnded(B, 0, Outcome.FAILED, new RuntimeException("boom"), "b");
        assertEquals(JobStatus.RUNNING, job.status(), "the job goes on");
        assertEquals("cancel 0 [TaskKey[vertexId=2, subtaskIndex=1]]", log.get(1), "only the region's other task");
        job.onTaskEnded(B2, 0, Outcome.CANCELED, null, "b2"); // cancelled on purpose: no second failure
        assertEquals("region restart 2", log.get(2));
        job.onRegionRestartDelayElapsed(Set.of(B, B2));
        assertEquals("deploy region 2", log.get(3));
        assertEquals(1, job.attemptOf(B));
        assertEquals(0, job.attemptOf(A), "the finished region keeps its attempt");
        assertEquals(1, job.restarts());
        job.onTaskEnded(B, 0, Outcome.FAILED, new RuntimeException("late"), "b"); // an event of the old attempt
        job.onTaskEnded(B, 1, Outcome.FINISHED, null, "b");
        job.onTaskEnded(B2, 1, Outcome.FINISHED, null, "b2");
        assertEquals("ended FINISHED", log.get(log.size() - 1));
    }

    @Test
    void aRegionFailureTheStrategyDoesNotAllowFailsTheJob() {
        JobLifecycle job = regional(new NoRestartStrategy());
        job.onSlotsReady();
        job.onTaskEnded(B, 0, Outcome.FAILED, new RuntimeException("boom"), "b");
        assertEquals(JobStatus.FAILING, job.status());
        job.onTaskEnded(A, 0, Outcome.CANCELED, null, "a");
        job.onTaskEnded(B2, 0, Outcome.CANCELED, null, "b2");
        assertEquals("ended FAILED by b", log.get(log.size() - 1));
    }

    @Test
    void finishedTasksWhoseResultsWereLostRunAgainAsOneRegionAndTheJobWaitsForThem() {
        JobLifecycle job = regional(new FixedDelayRestartStrategy(1, Duration.ofMillis(10)));
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.FINISHED, null, "a");
        job.onTaskEnded(B, 0, Outcome.FINISHED, null, "b");
        job.onResultsLost(Set.of(A), new IllegalStateException("TaskManager lost"), "TaskManager tm-2");
        assertEquals(JobStatus.RUNNING, job.status());
        assertEquals("region restart 1", log.get(1), "at once: A has ended, nothing to cancel");
        job.onTaskEnded(B2, 0, Outcome.FINISHED, null, "b2");
        assertEquals(JobStatus.RUNNING, job.status(), "A must run again before the job can finish");
        assertEquals(ExecutionState.CANCELED, job.executionState(A));
        job.onRegionRestartDelayElapsed(Set.of(A));
        assertEquals("deploy region 1", log.get(2));
        assertEquals(1, job.attemptOf(A));
        assertEquals(0, job.attemptOf(B), "finished tasks with intact results keep their attempt and are not deployed");
        assertEquals(1, job.restarts());
        job.onTaskEnded(A, 1, Outcome.FINISHED, null, "a");
        assertEquals("ended FINISHED", log.get(log.size() - 1));
        assertEquals(4, log.size(), "B and B2 never ran again: " + log);
    }

    @Test
    void lostResultsTheStrategyDoesNotAllowToProduceAgainFailTheJob() {
        JobLifecycle job = regional(new NoRestartStrategy());
        job.onSlotsReady();
        job.onTaskEnded(A, 0, Outcome.FINISHED, null, "a");
        job.onResultsLost(Set.of(A), new IllegalStateException("TaskManager lost"), "TaskManager tm-2");
        assertEquals(JobStatus.FAILING, job.status());
        job.onTaskEnded(B, 0, Outcome.CANCELED, null, "b");
        job.onTaskEnded(B2, 0, Outcome.CANCELED, null, "b2");
        assertEquals("ended FAILED by TaskManager tm-2", log.get(log.size() - 1));
    }
}
