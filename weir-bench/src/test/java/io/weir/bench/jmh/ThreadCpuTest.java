package io.weir.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ThreadCpuTest {
    @Test
    void countsAThreadsCpuTimeUnderItsGroupAndAnEndedThreadsApart() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Thread spinner = new Thread(() -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long cpuStart = ThreadCpu.snapshot().get(tid()).nanos();
            // runs until the thread itself has been on a CPU for 20 ms, however loaded the machine is
            while (ThreadCpu.snapshot().get(tid()).nanos() - cpuStart < 20_000_000L || System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            spun.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spinner-42");
        Map<Long, ThreadCpu.Sample> before = ThreadCpu.snapshot();
        spinner.start();
        assertTrue(spun.await(50, TimeUnit.SECONDS));
        Map<Long, ThreadCpu.Sample> after = ThreadCpu.snapshot();
        Map<String, Long> groups = ThreadCpu.byGroup(before, after, 0);
        assertTrue(groups.get("spinner-#") >= 20_000_000L, groups.toString());
        assertEquals(0L, groups.get(ThreadCpu.ENDED), "the process total given (0) is below the live threads'");
        assertTrue(groups.keySet().stream().noneMatch(name -> name.matches(".*[0-9].*")), groups.toString());
        end.countDown();
        spinner.join(TimeUnit.SECONDS.toMillis(50));
        Map<String, Long> afterEnd = ThreadCpu.byGroup(before, ThreadCpu.snapshot(), 1_000_000_000_000L);
        assertTrue(!afterEnd.containsKey("spinner-#"), afterEnd.toString());
        assertTrue(afterEnd.get(ThreadCpu.ENDED) > 0, afterEnd.toString());
    }

    @Test
    void snapshotsWhileThreadsEnd() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                Thread shortLived = new Thread(() -> { });
                shortLived.start();
                try {
                    shortLived.join();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "churn");
        churn.start();
        try {
            for (int i = 0; i < 300; i++) {
                assertTrue(ThreadCpu.snapshot().size() > 1);
                ThreadCpu.compilerNanos();
            }
        } finally {
            stop.set(true);
            churn.join(TimeUnit.SECONDS.toMillis(50));
        }
    }

    @Test
    void knowsHotSpotsCompilerThreads() {
        assertTrue(ThreadCpu.isCompiler("C2 CompilerThre"));
        assertTrue(ThreadCpu.isCompiler("C1 CompilerThre"));
        assertTrue(!ThreadCpu.isCompiler("GC Thread#0"));
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        assertTrue(ThreadCpu.compilerNanos() > 0, "this JVM has compiled something by now");
    }

    private static long tid() {
        try {
            return Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
