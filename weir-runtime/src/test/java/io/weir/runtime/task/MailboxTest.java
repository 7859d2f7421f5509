package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
}
