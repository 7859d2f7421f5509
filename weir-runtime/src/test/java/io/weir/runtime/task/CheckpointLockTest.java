package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hand-off of a source task's operators between the source thread and the task's thread. */
@Timeout(30)
class CheckpointLockTest {
    /** Emits in a tight loop, as a source function does, until stopped; counts elements and overlaps. */
    private static final class Emitter extends Thread {
        final CheckpointLock lock;
        final AtomicBoolean inside;
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean running = true;

        Emitter(CheckpointLock lock, AtomicBoolean inside) {
            this.lock = lock;
            this.inside = inside;
        }

        @Override
        public void run() {
            try {
                while (running) {
                    lock.beforeElement();
                    synchronized (lock.monitor()) {
                        enterAndLeave(inside, overlaps);
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }
    }

    private static void enterAndLeave(AtomicBoolean inside, AtomicInteger overlaps) {
        if (!inside.compareAndSet(false, true)) {
            overlaps.incrementAndGet();
        }
        inside.set(false);
    }

    @Test
    void theTasksMailGetsTheLockFromASourceEmittingInATightLoop() throws Exception {
        CheckpointLock lock = new CheckpointLock(new Object(), () -> {});
        AtomicBoolean inside = new AtomicBoolean();
        Emitter source = new Emitter(lock, inside);
        source.start();
        AtomicInteger overlaps = new AtomicInteger();
        for (int i = 0; i < 1_000; i++) {
            lock.runExclusively(() -> enterAndLeave(inside, overlaps));
        }
        source.running = false;
        source.join();
        assertEquals(null, source.failure.get());
        assertEquals(0, overlaps.get() + source.overlaps.get());
    }

    @Test
    void releaseStopsASourceStandingAsideForTheTask() throws Exception {
        CheckpointLock lock = new CheckpointLock(new Object(), () -> {});
        Emitter source = new Emitter(lock, new AtomicBoolean());
        lock.runExclusively(() -> {
            source.start();
            while (source.getState() != Thread.State.WAITING) { // waiting in beforeElement
                Thread.onSpinWait();
            }
            lock.release();
            source.join();
        });
        assertTrue(source.failure.get() instanceof TaskCancelledException, String.valueOf(source.failure.get()));
        assertThrows(TaskCancelledException.class, lock::beforeElement);
    }

    @Test
    void aFunctionHoldingTheLockIsNotMadeToWaitForTheTask() throws Exception {
        CheckpointLock lock = new CheckpointLock(new Object(), () -> {});
        AtomicBoolean ran = new AtomicBoolean();
        Thread task;
        synchronized (lock.monitor()) { // as in synchronized (ctx.getCheckpointLock()) { ctx.collect(x); }
            task = new Thread(() -> {
                try {
                    lock.runExclusively(() -> ran.set(true));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            task.start();
            while (task.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
            lock.beforeElement(); // returns: the task gets the lock when the function lets go
            assertFalse(ran.get());
        }
        task.join();
        assertTrue(ran.get());
    }

    @Test
    void accumulatorCopiesArePublishedBeforeTheNextElementWhenAsked() {
        AtomicInteger published = new AtomicInteger();
        CheckpointLock lock = new CheckpointLock(new Object(), published::incrementAndGet);
        lock.beforeElement();
        assertEquals(0, published.get());
        lock.requestAccumulators();
        lock.beforeElement();
        lock.beforeElement();
        assertEquals(1, published.get());
    }

    @Test
    void aFlushIsRunByTheEmittingThreadHoldingTheMonitorBeforeItsNextElement() {
        Object monitor = new Object();
        CheckpointLock lock = new CheckpointLock(monitor, () -> {});
        AtomicInteger flushes = new AtomicInteger();
        AtomicBoolean heldTheMonitor = new AtomicBoolean();
        ThrowingRunnable flush = () -> {
            heldTheMonitor.set(Thread.holdsLock(monitor));
            flushes.incrementAndGet();
        };
        assertTrue(lock.requestFlush(flush));
        assertFalse(lock.requestFlush(flush), "not served yet: the task's thread flushes as mail");
        assertEquals(0, flushes.get());
        lock.beforeElement();
        lock.beforeElement();
        assertEquals(1, flushes.get(), "one flush for the pending request");
        assertTrue(heldTheMonitor.get(), "the outputs are flushed holding the monitor");
        assertTrue(lock.requestFlush(flush), "served: the next request is the emitting thread's again");
    }

    @Test
    void aSourceHoldingTheMonitorInATightLoopServesEveryFlushRequest() throws Exception {
        Object monitor = new Object();
        CheckpointLock lock = new CheckpointLock(monitor, () -> {});
        AtomicInteger flushes = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread source = new Thread(() -> {
            while (!stop.get()) {
                synchronized (monitor) { // the function holds the checkpoint lock around each emit
                    lock.beforeElement();
                }
            }
        });
        source.start();
        try {
            for (int i = 1; i <= 100; i++) {
                assertTrue(lock.requestFlush(flushes::incrementAndGet), "request " + i + " while the last is served");
                while (flushes.get() < i) { // served by the source thread; the class timeout bounds the wait
                    Thread.onSpinWait();
                }
            }
        } finally {
            stop.set(true);
            source.join();
        }
        assertEquals(100, flushes.get());
    }

    @Test
    void aFailingFlushFailsTheEmit() {
        CheckpointLock lock = new CheckpointLock(new Object(), () -> {});
        lock.requestFlush(() -> {
            throw new java.io.IOException("disk gone");
        });
        ChainedOperatorException e = assertThrows(ChainedOperatorException.class, lock::beforeElement);
        assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
    }
}
