package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailboxTest {
    @Test
    void mailRunsInOrderOnTheCallingThreadAndClearsTheFlag() throws Exception {
        Mailbox mailbox = new Mailbox(new TaskWakeup());
        List<Integer> ran = new ArrayList<>();
        mailbox.put(() -> ran.add(1));
        mailbox.put(() -> {
            ran.add(2);
            mailbox.put(() -> ran.add(3));
        });
        assertTrue(mailbox.hasMail());
        mailbox.runAll();
        assertEquals(List.of(1, 2, 3), ran);
        assertFalse(mailbox.hasMail() && ran.size() != 3);
    }

    @Test
    void aSignalBeforeAwaitIsNotLost() throws Exception {
        TaskWakeup wakeup = new TaskWakeup();
        wakeup.bindToCurrentThread();
        wakeup.reset();
        wakeup.signal();
        wakeup.await();
    }

    @Test
    void mailFromAnotherThreadWakesAWaitingTask() throws Exception {
        TaskWakeup wakeup = new TaskWakeup();
        Mailbox mailbox = new Mailbox(wakeup);
        wakeup.bindToCurrentThread();
        wakeup.reset();
        CountDownLatch started = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            started.countDown();
            mailbox.put(() -> {});
        });
        other.start();
        started.await();
        wakeup.await();
        assertTrue(mailbox.hasMail());
        other.join();
    }

    /**
     * A signal never gets lost, whether it comes before the task's thread parks or while it does:
     * the forbidden outcome is a task's thread asleep after a signal that followed its reset. The
     * two threads hand the turn to each other many times, so both interleavings occur; a lost
     * signal leaves the task's thread asleep and the test fails after a minute.
     */
    @Test
    void aSignalAfterResetAlwaysEndsTheWait() throws Exception {
        TaskWakeup wakeup = new TaskWakeup();
        int rounds = 10_000;
        AtomicInteger waitingFor = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        Thread task = new Thread(() -> {
            wakeup.bindToCurrentThread();
            try {
                for (int round = 1; round <= rounds; round++) {
                    wakeup.reset();
                    waitingFor.set(round);
                    wakeup.await();
                    completed.set(round);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "task");
        Thread signaller = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            for (int round = 1; round <= rounds && System.nanoTime() < deadline; round++) {
                while (waitingFor.get() < round && System.nanoTime() < deadline) {
                    Thread.yield();
                }
                wakeup.signal();
            }
        }, "signaller");
        task.setDaemon(true);
        signaller.setDaemon(true);
        task.start();
        signaller.start();
        task.join(TimeUnit.MINUTES.toMillis(1));
        signaller.join(TimeUnit.MINUTES.toMillis(1));
        assertEquals(rounds, completed.get(), "the task's thread stayed asleep after a signal");
    }
}
