package io.weir.runtime.task;

import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The wall-clock {@link ProcessingTimeService} of a task: a callback is scheduled on the task
 * executor's timer thread, which only puts mail; the callback itself runs in the task's mailbox,
 * so it never runs concurrently with elements. After {@link #quiesce()} pending callbacks are
 * cancelled and callbacks already in the mailbox are skipped.
 *
 * <h2>Threading</h2>
 * {@link #registerTimer} on the thread that runs the operators (the task's, or a source function's
 * holding the task's {@link CheckpointLock}), {@link #quiesce} on the task's thread, maybe while a
 * released source thread still registers: the registrations are therefore a concurrent set, and a
 * timer that slips in after {@code quiesce} finds it quiesced when it fires. The scheduler's thread
 * only puts mail.
 */
final class SystemProcessingTimeService implements ProcessingTimeService {
    private final ScheduledExecutorService scheduler;
    private final Mailbox mailbox;
    /** Registered and not yet run. */
    private final Set<Registration> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean quiesced;

    SystemProcessingTimeService(ScheduledExecutorService scheduler, Mailbox mailbox) {
        this.scheduler = scheduler;
        this.mailbox = mailbox;
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public void registerTimer(long time, ProcessingTimeCallback callback) {
        if (quiesced) {
            return;
        }
        Registration registration = new Registration(time, callback);
        pending.add(registration);
        long delay = Math.max(0, time - getCurrentProcessingTime());
        registration.future = scheduler.schedule(registration, delay, TimeUnit.MILLISECONDS);
    }

    /** The task ends: no callback runs any more. */
    void quiesce() {
        quiesced = true;
        for (Registration registration : pending) {
            ScheduledFuture<?> future = registration.future;
            if (future != null) { // null while a source thread registers it
                future.cancel(false);
            }
        }
        pending.clear();
    }

    private final class Registration implements Runnable {
        private final long time;
        private final ProcessingTimeCallback callback;
        private volatile ScheduledFuture<?> future;

        Registration(long time, ProcessingTimeCallback callback) {
            this.time = time;
            this.callback = callback;
        }

        /** On the scheduler's thread: hand the callback to the task. */
        @Override
        public void run() {
            if (!quiesced) {
                mailbox.put(this::fire);
            }
        }

        private void fire() throws Exception {
            pending.remove(this);
            if (!quiesced) {
                callback.onProcessingTime(time);
            }
        }
    }
}
