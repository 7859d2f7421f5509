package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Async I/O in real jobs: results come back on a client thread pool, a small capacity backpressures. */
class AsyncIoTest {
    /** Plays the async client: answers on its own threads. */
    private static final ExecutorService CLIENT = Executors.newFixedThreadPool(4);
    /** Elements that already failed once (for the retry test). */
    private static final Set<Long> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    /** Calls held back by {@link HoldsTheFirstThree} until the last element's call. */
    private static final List<Runnable> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the job of the batch test wrote. */
    private static final java.util.Queue<Long> SINK = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    @AfterAll
    static void stopClient() {
        CLIENT.shutdownNow();
    }

    /** Doubles each element on the client's threads. */
    static final class Doubler extends RichAsyncFunction<Long, Long> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            CompletableFuture.supplyAsync(() -> input * 2, CLIENT)
                    .thenAccept(result -> resultFuture.complete(List.of(result)));
        }
    }

    @Test
    void orderedWaitKeepsTheInputOrder() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        List<Long> results = AsyncDataStream.orderedWait(env.fromSequence(0, 1_999), new Doubler(), 10, TimeUnit.SECONDS, 5)
                .executeAndCollect(1_000_000);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < 2_000; x++) {
            expected.add(x * 2);
        }
        assertEquals(expected, results);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void unorderedWaitDeliversEveryResultOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Long> results = AsyncDataStream.unorderedWait(env.fromSequence(0, 2_999), new Doubler(), 10,
                        TimeUnit.SECONDS, 3)
                .executeAndCollect(1_000_000);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < 3_000; x++) {
            expected.add(x * 2);
        }
        assertSameElements(expected, results);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void failedCallsAreRetriedByTheStrategy(int parallelism) throws Exception {
        FAILED_ONCE.clear();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        RichAsyncFunction<Long, Long> flaky = new RichAsyncFunction<>() {
            @Override
            public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
                CLIENT.execute(() -> {
                    if (input % 2 == 0 && FAILED_ONCE.add(input * 10 + parallelism)) {
                        resultFuture.completeExceptionally(new IllegalStateException("busy"));
                    } else {
                        resultFuture.complete(List.of(input));
                    }
                });
            }
        };
        List<Long> results = AsyncDataStream.unorderedWaitWithRetry(env.fromSequence(0, 499), flaky, 10, TimeUnit.SECONDS,
                        10, new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Long>(3, 1)
                                .ifException(e -> e instanceof IllegalStateException).build())
                .executeAndCollect(1_000_000);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < 500; x++) {
            expected.add(x);
        }
        assertSameElements(expected, results);
    }

    /**
     * A full queue waits for a batch of results (half its capacity), but a batch that cannot fill
     * is taken after a millisecond: here three of the four calls in flight are held back until the
     * last element arrives, and each other call completes only once the task's thread waits, so
     * only one result at a time comes while the queue is full (without the batch timer, the job
     * would hang on the first).
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aFullQueueTakesTheResultsThereAreWhenABatchCannotFill() throws Exception {
        HELD.clear();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        SINK.clear();
        // a plain sink, not executeAndCollect: its requests for results would be mail that wakes the task too
        AsyncDataStream.unorderedWait(env.fromSequence(0, 299), new HoldsTheFirstThree(299), 0, TimeUnit.SECONDS, 4)
                .addSink(new io.weir.api.functions.sink.SinkFunction<>() {
                    @Override
                    public void invoke(Long value, Context context) {
                        SINK.add(value);
                    }
                });
        env.execute("batch that cannot fill");
        List<Long> results = new ArrayList<>(SINK);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < 300; x++) {
            expected.add(x * 2);
        }
        assertSameElements(expected, results);
    }

    /**
     * Doubles on the client's threads once the task's thread waits, but answers the calls for 0, 1
     * and 2 only with the call for {@code last}.
     */
    static final class HoldsTheFirstThree extends RichAsyncFunction<Long, Long> {
        private final long last;

        HoldsTheFirstThree(long last) {
            this.last = last;
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            if (input < 3) {
                HELD.add(() -> resultFuture.complete(List.of(input * 2)));
                return;
            }
            if (input == last) {
                HELD.forEach(Runnable::run);
            }
            Thread task = Thread.currentThread();
            CLIENT.execute(() -> {
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (task.getState() != Thread.State.WAITING && System.nanoTime() < giveUp) {
                    Thread.onSpinWait(); // until the task's thread waits (for a slot, or for input)
                }
                resultFuture.complete(List.of(input * 2));
            });
        }
    }
}
