package io.weir.runtime.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobID;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceManagerTest {
    /** A task executor that only has an id: the resource manager never calls it. */
    private static final TaskExecutorGateway TASK_EXECUTOR = new TaskExecutorGateway() {
        @Override
        public String id() {
            return "te-0";
        }

        @Override
        public CompletableFuture<Void> submitTask(io.weir.runtime.task.TaskDeployment deployment,
                io.weir.runtime.jobmaster.ExecutionAttemptId attempt, io.weir.runtime.jobmaster.JobMasterGateway jm) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelTask(io.weir.runtime.jobmaster.ExecutionAttemptId attempt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendOperatorEvent(io.weir.runtime.jobmaster.ExecutionAttemptId attempt, int operatorId,
                io.weir.runtime.coordination.OperatorEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void triggerCheckpoint(io.weir.runtime.jobmaster.ExecutionAttemptId attempt,
                io.weir.runtime.checkpoint.CheckpointBarrier barrier) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void notifyCheckpointComplete(io.weir.runtime.jobmaster.ExecutionAttemptId attempt, long checkpointId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void notifyCheckpointAborted(io.weir.runtime.jobmaster.ExecutionAttemptId attempt, long checkpointId) {
            throw new UnsupportedOperationException();
        }
    };

    private ResourceManager resourceManager;

    private ResourceManager start(Duration timeout, int slots) {
        resourceManager = new ResourceManager(timeout);
        resourceManager.registerTaskExecutor(TASK_EXECUTOR, slots).join();
        return resourceManager;
    }

    @AfterEach
    void close() {
        resourceManager.close();
    }

    @Test
    void requestLargerThanTheClusterFailsAtOnceNamingTheSetting() {
        ResourceManager rm = start(Duration.ofMinutes(5), 2);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> rm.requestSlots(JobID.generate(), 3, "3 for group 'default'").get());
        assertInstanceOf(NotEnoughSlotsException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("taskmanager.numberOfTaskSlots"), e.getCause().getMessage());
    }

    @Test
    void requestForBusySlotsWaitsUntilAnEarlierJobReleasesThem() throws Exception {
        ResourceManager rm = start(Duration.ofMinutes(5), 2);
        JobID first = JobID.generate();
        assertEquals(2, rm.requestSlots(first, 2, "first").get().size());
        CompletableFuture<List<Slot>> second = rm.requestSlots(JobID.generate(), 2, "second");
        assertEquals(0, rm.freeSlots().get());
        assertFalse(second.isDone());
        rm.releaseSlots(first).get();
        assertEquals(2, second.get().size());
        assertEquals(0, rm.freeSlots().get());
    }

    @Test
    void waitingRequestsAreServedInArrivalOrder() throws Exception {
        ResourceManager rm = start(Duration.ofMinutes(5), 2);
        JobID first = JobID.generate();
        rm.requestSlots(first, 2, "first").get();
        CompletableFuture<List<Slot>> big = rm.requestSlots(JobID.generate(), 2, "big");
        CompletableFuture<List<Slot>> small = rm.requestSlots(JobID.generate(), 1, "small");
        rm.releaseSlots(first).get();
        assertEquals(2, big.get().size());
        assertFalse(small.isDone());
    }

    @Test
    void requestThatWaitsTooLongFailsAndLeavesNoSlotsBehind() throws Exception {
        ResourceManager rm = start(Duration.ofMillis(50), 1);
        JobID first = JobID.generate();
        rm.requestSlots(first, 1, "first").get();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> rm.requestSlots(JobID.generate(), 1, "second").get());
        assertInstanceOf(NotEnoughSlotsException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("waited"), e.getCause().getMessage());
        rm.releaseSlots(first).get();
        assertEquals(1, rm.freeSlots().get());
    }
}
