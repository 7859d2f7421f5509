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
    private static final TaskExecutorGateway TASK_EXECUTOR = new IdOnly("te-0");

    /** A task executor that only has an id: the resource manager never calls it otherwise. */
    private record IdOnly(String id) implements TaskExecutorGateway {

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

        @Override
        public CompletableFuture<Void> sendBlockingResult(io.weir.runtime.exchange.ResultKey key,
                io.weir.runtime.exchange.ExchangeKey consumer, String consumerTaskExecutor, int bufferSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseJob(JobID jobId) {
            throw new UnsupportedOperationException();
        }
    }

    /** A clock the test moves. */
    private static final class ManualClock extends java.time.Clock {
        private volatile long millis;

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis);
        }

        void advance(Duration by) {
            millis += by.toMillis();
        }
    }

    @Test
    void slotsOfAJobSpreadOverTheTaskExecutors() throws Exception {
        resourceManager = new ResourceManager(Duration.ofMinutes(5));
        resourceManager.registerTaskExecutor(new IdOnly("a"), 2).join();
        resourceManager.registerTaskExecutor(new IdOnly("b"), 2).join();
        List<Slot> slots = resourceManager.requestSlots(JobID.generate(), 3, "3").get();
        assertEquals(List.of("a", "b", "a"), slots.stream().map(Slot::taskExecutorId).toList());
    }

    @Test
    void aSilentTaskExecutorIsDroppedWithItsSlotsAndNamesTheJobsThatHeldSlotsInIt() throws Exception {
        ManualClock clock = new ManualClock();
        resourceManager = new ResourceManager(Duration.ofMinutes(5), clock);
        resourceManager.registerTaskExecutor(new IdOnly("a"), 2).join();
        resourceManager.registerTaskExecutor(new IdOnly("b"), 2).join();
        resourceManager.heartbeat("a");
        resourceManager.heartbeat("b");
        JobID job = JobID.generate();
        resourceManager.requestSlots(job, 2, "2").get();
        clock.advance(Duration.ofSeconds(3));
        resourceManager.heartbeat("a");
        assertEquals(List.of(), resourceManager.removeSilent(Duration.ofSeconds(5)).get(), "within the timeout");

        clock.advance(Duration.ofSeconds(3));
        List<ResourceManager.LostTaskExecutor> lost = resourceManager.removeSilent(Duration.ofSeconds(5)).get();
        assertEquals(List.of(new ResourceManager.LostTaskExecutor("b", java.util.Set.of(job))), lost);
        assertEquals(1, resourceManager.freeSlots().get(), "b's free slot is gone, a's stays");
        List<Slot> replacement = resourceManager.requestSlots(job, 1, "1 to replace").get();
        assertEquals("a", replacement.get(0).taskExecutorId());
        resourceManager.releaseSlots(job).get();
        assertEquals(2, resourceManager.freeSlots().get(), "the job's slots on a, old and new, are released together");
    }

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
        String message = e.getCause().getMessage();
        assertTrue(message.contains("needs 3 slots") && message.contains("2 of them free")
                && message.contains("taskmanager.numberOfTaskSlots") && message.contains("bin/weir taskmanager"), message);
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
        String message = e.getCause().getMessage();
        assertTrue(message.contains("waited") && message.contains("slot.request.timeout")
                && message.contains("when it asked, 0 of the cluster's 1 slots were free")
                && message.contains("taskmanager.numberOfTaskSlots"), message);
        rm.releaseSlots(first).get();
        assertEquals(1, rm.freeSlots().get());
    }
}
