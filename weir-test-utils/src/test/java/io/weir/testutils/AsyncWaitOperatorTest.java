package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategies;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.api.types.Types;
import io.weir.runtime.operators.async.AsyncWaitOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The async operator: order, watermarks, capacity, timeouts and retries, on the harness's mailbox and clock. */
class AsyncWaitOperatorTest {
    /** Keeps every call's future for the test to complete. */
    static final class Pending implements AsyncFunction<Integer, String> {
        final List<ResultFuture<String>> futures = new ArrayList<>();

        @Override
        public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
            futures.add(resultFuture);
        }
    }

    private static OneInputStreamOperatorTestHarness<Integer, String> harness(AsyncFunction<Integer, String> f,
            long timeout, int capacity, boolean ordered, AsyncRetryStrategy<String> retry) throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new AsyncWaitOperator<>(f, timeout, capacity, ordered, retry,
                Types.INT));
        harness.open();
        return harness;
    }

    @Test
    void orderedModeEmitsInInputOrderWithTheInputTimestamps() throws Exception {
        Pending f = new Pending();
        try (var harness = harness(f, 0, 10, true, null)) {
            for (int i = 1; i <= 3; i++) {
                harness.processElement(i, i * 10L);
            }
            f.futures.get(2).complete(List.of("c"));
            f.futures.get(0).complete(List.of("a1", "a2"));
            harness.runMailbox();
            assertEquals(List.of("a1", "a2"), harness.extractOutputValues());
            f.futures.get(1).complete(List.of());
            harness.runMailbox();
            assertEquals(List.of(new StreamRecord<>("a1", 10L), new StreamRecord<>("a2", 10L), new StreamRecord<>("c", 30L)),
                    harness.extractOutputStreamRecords());
        }
    }

    @Test
    void unorderedModeEmitsAsResultsComeButNotAcrossAWatermark() throws Exception {
        Pending f = new Pending();
        try (var harness = harness(f, 0, 10, false, null)) {
            harness.processElement(1, 1L);
            harness.processElement(2, 2L);
            harness.processWatermark(5L);
            harness.processElement(3, 6L);
            f.futures.get(1).complete(List.of("two"));
            f.futures.get(2).complete(List.of("three"));
            harness.runMailbox();
            assertEquals(List.of(new StreamRecord<>("two", 2L)), List.copyOf(harness.getOutput()));
            f.futures.get(0).complete(List.of("one"));
            harness.runMailbox();
            assertEquals(List.of(new StreamRecord<>("two", 2L), new StreamRecord<>("one", 1L), new Watermark(5L),
                    new StreamRecord<>("three", 6L)), List.copyOf(harness.getOutput()));
        }
    }

    /**
     * UNORDERED against a model of its rule, over random interleavings of elements, watermarks and
     * completions: a result goes out when it comes unless a watermark queued before it is still
     * queued; a watermark goes out when everything before it did, followed by the completed
     * results of the elements between it and the next watermark, in input order.
     */
    @Test
    void unorderedModeMatchesItsRuleOverRandomWatermarksAndCompletions() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int run = 0; run < 200; run++) {
            Pending f = new Pending();
            List<Object> model = new ArrayList<>(); // queued: Integer element numbers and Watermarks
            java.util.Set<Integer> done = new java.util.HashSet<>();
            List<Object> expected = new ArrayList<>();
            List<Integer> pending = new ArrayList<>();
            try (var harness = harness(f, 0, 1_000, false, null)) {
                int elements = 0;
                long watermark = 0;
                for (int step = 0; step < 60; step++) {
                    int action = random.nextInt(10);
                    if (action < 4) {
                        harness.processElement(elements, elements);
                        model.add(elements);
                        pending.add(elements++);
                    } else if (action < 5) {
                        harness.processWatermark(++watermark);
                        model.add(new Watermark(watermark));
                    } else if (!pending.isEmpty()) {
                        int element = pending.remove(random.nextInt(pending.size()));
                        f.futures.get(element).complete(List.of("r" + element));
                        done.add(element);
                    }
                    harness.runMailbox();
                    emitByTheRule(model, done, expected);
                    assertEquals(expected, List.copyOf(harness.getOutput()), "run " + run + ", step " + step);
                }
            }
        }
    }

    /** The model: emits what the rule lets go from {@code queued}, in the operator's order. */
    private static void emitByTheRule(List<Object> queued, java.util.Set<Integer> done, List<Object> out) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < queued.size() && !(queued.get(i) instanceof Watermark); i++) {
                if (done.contains((Integer) queued.get(i))) {
                    int element = (Integer) queued.remove(i--);
                    out.add(new StreamRecord<>("r" + element, element));
                }
            }
            if (!queued.isEmpty() && queued.get(0) instanceof Watermark mark) {
                queued.remove(0);
                out.add(mark);
                progress = true;
            }
        }
    }

    @Test
    void unorderedResultsWaitingBehindAWatermarkAreCheckpointedAndEmittedAfterRestore() throws Exception {
        Pending f = new Pending();
        OperatorSubtaskState state;
        try (var harness = harness(f, 0, 10, false, null)) {
            harness.processElement(1, 1L);
            harness.processWatermark(5L);
            harness.processElement(2, 6L);
            harness.processElement(3, 7L);
            f.futures.get(2).complete(List.of("three")); // completed, but behind the watermark
            harness.runMailbox();
            assertEquals(List.of(), List.copyOf(harness.getOutput()));
            state = harness.snapshot(1, 1);
        }
        Pending again = new Pending();
        var restored = new OneInputStreamOperatorTestHarness<>(new AsyncWaitOperator<>(again, 0, 10, false, null,
                Types.INT));
        restored.initializeState(state);
        restored.open();
        try (restored) {
            assertEquals(3, again.futures.size(), "every queued element is called again");
            again.futures.get(2).complete(List.of("three"));
            again.futures.get(0).complete(List.of("one"));
            restored.runMailbox();
            assertEquals(List.of(new StreamRecord<>("one", 1L), new Watermark(5L), new StreamRecord<>("three", 7L)),
                    List.copyOf(restored.getOutput()));
            again.futures.get(1).complete(List.of("two"));
            restored.runMailbox();
            assertEquals(new StreamRecord<>("two", 6L), List.copyOf(restored.getOutput()).get(3));
        }
    }

    @Test
    void aFullQueueYieldsToTheMailboxUntilAResultFromAnotherThreadFreesASlot() throws Exception {
        Pending f = new Pending();
        try (var harness = harness(f, 0, 2, true, null)) {
            harness.processElement(1, 1L);
            harness.processElement(2, 2L);
            ResultFuture<String> first = f.futures.get(0);
            Thread client = new Thread(() -> first.complete(List.of("one")), "async-client");
            client.start();
            harness.processElement(3, 3L); // the queue is full: waits for the client's result
            client.join();
            assertEquals(List.of("one"), harness.extractOutputValues());
            assertEquals(3, f.futures.size());
        }
    }

    @Test
    void resultsCompletedByManyThreadsAtOnceAreAllEmittedInInputOrder() throws Exception {
        Pending f = new Pending();
        int calls = 2_000;
        int clients = 4;
        try (var harness = harness(f, 0, calls, true, null)) {
            for (int i = 0; i < calls; i++) {
                harness.processElement(i, i);
            }
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.add(new Thread(() -> {
                    for (int i = calls - 1 - client; i >= 0; i -= clients) { // last first, interleaved with the others
                        f.futures.get(i).complete(List.of("r" + i));
                    }
                }, "async-client-" + c));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join(60_000);
                assertTrue(!thread.isAlive(), thread.getName() + " did not finish in 60 s");
            }
            harness.runMailbox();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                expected.add("r" + i);
            }
            assertEquals(expected, harness.extractOutputValues());
        }
    }

    /**
     * A queue that fills over and over while four client threads complete the calls as they come:
     * each full queue waits for its batch (every call outstanding) and is woken by the client that
     * completes it, whichever that is. A lost wake-up would hang {@code processElement}; the
     * test's timeout interrupts the wait, which fails it.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aQueueThatFillsAgainAndAgainUnderConcurrentClientsEmitsEveryResult() throws Exception {
        int elements = 20_000;
        for (boolean ordered : new boolean[] {true, false}) {
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
            AsyncFunction<Integer, String> onClients = (input, future) ->
                    clients.execute(() -> future.complete(List.of("r" + input)));
            try (var harness = harness(onClients, 0, 50, ordered, null)) {
                for (int i = 0; i < elements; i++) {
                    harness.processElement(i, i);
                }
                harness.endInput();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < elements; i++) {
                    expected.add("r" + i);
                }
                List<String> out = new ArrayList<>(harness.extractOutputValues());
                if (!ordered) {
                    out.sort(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.substring(1))));
                }
                assertEquals(expected, out, ordered ? "ORDERED" : "UNORDERED");
            } finally {
                clients.shutdownNow();
            }
        }
    }

    /**
     * A full queue of 8 asks for a batch of 4 completions (half the capacity) while the harness's
     * clock stands still, so the batch timer never ends the wait: with the whole batch completed
     * during the wait the mail must come from the completion that brings it to 4; with part of it
     * completed before, from the first of those (put while the depth asked for was 1); with all of
     * it before, the queue takes it without waiting. Every split of the batch between before the
     * wait and a client thread during it; a lost wake-up hangs {@code processElement}, which the
     * timeout fails.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aFullQueueWakesWhenItsBatchCompletesWhetherBeforeOrDuringTheWait() throws Exception {
        int capacity = 8;
        int batch = capacity / 2;
        for (int before = 0; before <= batch; before++) {
            Pending f = new Pending();
            try (var harness = harness(f, 0, capacity, true, null)) {
                for (int i = 0; i < capacity; i++) {
                    harness.processElement(i, i);
                }
                for (int i = 0; i < before; i++) {
                    f.futures.get(i).complete(List.of("r" + i));
                }
                int first = before;
                List<ResultFuture<String>> rest = List.copyOf(f.futures.subList(first, batch));
                Thread client = new Thread(() -> {
                    for (int i = 0; i < rest.size(); i++) {
                        rest.get(i).complete(List.of("r" + (first + i)));
                    }
                }, "async-client");
                client.start();
                harness.processElement(capacity, capacity); // the queue is full
                client.join(30_000);
                assertTrue(!client.isAlive(), "the client did not finish in 30 s");
                harness.runMailbox();
                assertEquals(List.of("r0", "r1", "r2", "r3"), harness.extractOutputValues(), before + " before the wait");
                assertEquals(capacity + 1, f.futures.size(), before + " before the wait");
            }
        }
    }

    @Test
    void onlyTheFirstCompletionOfACallCounts() throws Exception {
        Pending f = new Pending();
        try (var harness = harness(f, 0, 10, true, null)) {
            harness.processElement(1, 1L);
            harness.processElement(2, 2L);
            f.futures.get(0).complete(List.of("first"));
            f.futures.get(0).complete(List.of("second"));
            f.futures.get(0).completeExceptionally(new IllegalStateException("too late"));
            harness.runMailbox();
            f.futures.get(1).completeExceptionally(new IllegalStateException("not counted"));
            f.futures.get(1).complete(List.of("never"));
            Exception e = assertThrows(Exception.class, harness::runMailbox);
            assertTrue(e.getMessage().contains("not counted"), e.getMessage());
            assertEquals(List.of("first"), harness.extractOutputValues());
        }
    }

    @Test
    void timedOutCallsFailTheJobByDefault() throws Exception {
        Pending f = new Pending();
        var harness = harness(f, 100, 10, true, null);
        harness.processElement(1, 1L);
        harness.setProcessingTime(99);
        Exception e = assertThrows(Exception.class, () -> harness.setProcessingTime(100));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(TimeoutException.class, cause, "caused by the timeout: " + e);
        f.futures.get(0).complete(List.of("too late")); // ignored
    }

    @Test
    void aTimeoutHandlerCanCompleteWithAFallback() throws Exception {
        AsyncFunction<Integer, String> f = new AsyncFunction<>() {
            @Override
            public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {}

            @Override
            public void timeout(Integer input, ResultFuture<String> resultFuture) {
                resultFuture.complete(List.of("fallback " + input));
            }
        };
        try (var harness = harness(f, 50, 10, true, null)) {
            harness.processElement(1, 1L);
            harness.setProcessingTime(30);
            harness.processElement(2, 2L);
            harness.setProcessingTime(50);
            assertEquals(List.of("fallback 1"), harness.extractOutputValues());
            harness.setProcessingTime(80);
            assertEquals(List.of("fallback 1", "fallback 2"), harness.extractOutputValues());
        }
    }

    @Test
    void retriesOnAMatchingResultWithTheStrategysBackoff() throws Exception {
        List<Long> attemptsAt = new ArrayList<>();
        OneInputStreamOperatorTestHarness<Integer, String>[] ref = new OneInputStreamOperatorTestHarness[1];
        AsyncFunction<Integer, String> flaky = (input, future) -> {
            attemptsAt.add(ref[0].getProcessingTime());
            future.complete(attemptsAt.size() < 3 ? List.of() : List.of("ok " + input));
        };
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, 10)
                .ifResult(java.util.Collection::isEmpty).build();
        try (var harness = harness(flaky, 0, 10, true, retry)) {
            ref[0] = harness;
            harness.processElement(7, 1L);
            harness.setProcessingTime(9);
            assertEquals(List.of(0L), attemptsAt);
            harness.setProcessingTime(10);
            harness.setProcessingTime(20);
            assertEquals(List.of(0L, 10L, 20L), attemptsAt);
            assertEquals(List.of("ok 7"), harness.extractOutputValues());
        }
    }

    @Test
    void aFirstAttemptThatCompletesAfterItsTimeoutOrItsRetryIsIgnored() throws Exception {
        List<ResultFuture<String>> calls = new ArrayList<>();
        List<ResultFuture<String>> timeouts = new ArrayList<>();
        AsyncFunction<Integer, String> f = new AsyncFunction<>() {
            @Override
            public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
                calls.add(resultFuture);
            }

            @Override
            public void timeout(Integer input, ResultFuture<String> resultFuture) {
                timeouts.add(resultFuture);
            }
        };
        AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(2, 10)
                .ifResult(java.util.Collection::isEmpty).build();
        try (var harness = harness(f, 50, 10, true, retry)) {
            harness.processElement(1, 1L);
            harness.setProcessingTime(50); // element 1 times out: its timeout handler gets a future of its own
            assertEquals(1, timeouts.size());
            calls.get(0).complete(List.of("late first attempt"));
            harness.runMailbox();
            assertEquals(List.of(), harness.extractOutputValues());
            timeouts.get(0).complete(List.of("fallback 1"));
            harness.runMailbox();
            assertEquals(List.of("fallback 1"), harness.extractOutputValues());

            harness.processElement(2, 2L);
            calls.get(1).complete(List.of()); // retried after the backoff
            harness.runMailbox();
            harness.setProcessingTime(60);
            assertEquals(3, calls.size());
            calls.get(1).complete(List.of("stale"));
            calls.get(1).completeExceptionally(new IllegalStateException("stale"));
            harness.runMailbox();
            assertEquals(List.of("fallback 1"), harness.extractOutputValues());
            calls.get(2).complete(List.of("ok 2a", "ok 2b"));
            harness.runMailbox();
            assertEquals(List.of(new StreamRecord<>("fallback 1", 1L), new StreamRecord<>("ok 2a", 2L),
                    new StreamRecord<>("ok 2b", 2L)), harness.extractOutputStreamRecords());
        }
    }

    @Test
    void anExceptionFailsTheJobWhenNoRetryApplies() throws Exception {
        AsyncFunction<Integer, String> failing = (input, future) -> future.completeExceptionally(new IllegalStateException("down"));
        var harness = harness(failing, 0, 10, true, AsyncRetryStrategies.NO_RETRY_STRATEGY);
        Exception e = assertThrows(Exception.class, () -> harness.processElement(1, 1L));
        assertTrue(e.getMessage().contains("down"), e.getMessage());
    }

    @Test
    void endOfInputWaitsForCallsInFlight() throws Exception {
        Pending f = new Pending();
        try (var harness = harness(f, 0, 10, false, null)) {
            harness.processElement(1, 1L);
            Thread client = new Thread(() -> f.futures.get(0).complete(List.of("done")), "async-client");
            client.start();
            harness.endInput();
            client.join();
            assertEquals(List.of("done"), harness.extractOutputValues());
        }
    }
}
