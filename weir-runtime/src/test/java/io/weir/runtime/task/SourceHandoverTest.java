package io.weir.runtime.task;


import io.weir.api.connector.source.InputStatus;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-over from a source function's thread to its task's thread. */
class SourceHandoverTest {
    /** Writes what it receives as strings: "value@timestamp", "value" or "wm timestamp". */
    private static final class Recording implements Output<StreamRecord<Long>> {
        final List<String> seen = new ArrayList<>();

        @Override
        public void collect(StreamRecord<Long> record) {
            seen.add(record.hasTimestamp() ? record.getValue() + "@" + record.getTimestamp() : "" + record.getValue());
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            seen.add("wm " + watermark.getTimestamp());
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
            seen.add(watermarkStatus.toString());
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
            throw new AssertionError("a source function has no side outputs");
        }

        @Override
        public void close() {}
    }

    @Test
    void elementsAndWatermarksKeepTheirOrderAndEndTheInput() throws Exception {
        SourceHandover<Long> handover = new SourceHandover<>(4, new TaskWakeup(), () -> {});
        Recording out = new Recording();
        handover.putRecord(1L);
        handover.putRecord(2L, 20);
        handover.putWatermark(20);
        assertEquals(InputStatus.MORE_AVAILABLE, handover.emitNext(out, 2));
        assertEquals(List.of("1", "2@20"), out.seen);
        handover.putRecord(3L);
        handover.finish(null);
        assertEquals(InputStatus.MORE_AVAILABLE, handover.emitNext(out, 10));
        assertEquals(InputStatus.END_OF_INPUT, handover.emitNext(out, 10));
        assertEquals(List.of("1", "2@20", "wm 20", "3"), out.seen);
    }

    @Test
    void idleMarksBecomeStatusChangesAndTheNextElementMakesTheSourceActive() throws Exception {
        SourceHandover<Long> handover = new SourceHandover<>(8, new TaskWakeup(), () -> {});
        Recording out = new Recording();
        handover.putRecord(1L);
        handover.putIdle();
        handover.putIdle();
        handover.putWatermark(5);
        handover.putIdle();
        handover.putRecord(2L);
        handover.emitNext(out, 10);
        assertEquals(List.of("1", "WatermarkStatus(IDLE)", "WatermarkStatus(ACTIVE)", "wm 5", "WatermarkStatus(IDLE)",
                "WatermarkStatus(ACTIVE)", "2"), out.seen);
    }

    @Test
    void emptyHandoverSaysNothingAvailableAndTheNextElementWakesTheTask() throws Exception {
        TaskWakeup wakeup = new TaskWakeup();
        wakeup.bindToCurrentThread();
        SourceHandover<Long> handover = new SourceHandover<>(4, wakeup, () -> {});
        wakeup.reset();
        assertEquals(InputStatus.NOTHING_AVAILABLE, handover.emitNext(new Recording(), 10));
        Thread producer = new Thread(() -> handover.putRecord(7L));
        producer.start();
        wakeup.await(); // returns only because the producer signalled
        producer.join();
        Recording out = new Recording();
        assertEquals(InputStatus.MORE_AVAILABLE, handover.emitNext(out, 10));
        assertEquals(List.of("7"), out.seen);
    }

    @Test
    void fullHandoverBlocksTheProducerUntilTheConsumerCatchesUp() throws Exception {
        TaskWakeup wakeup = new TaskWakeup();
        wakeup.bindToCurrentThread();
        SourceHandover<Long> handover = new SourceHandover<>(8, wakeup, () -> {});
        AtomicLong put = new AtomicLong();
        Thread producer = new Thread(() -> {
            for (long i = 0; i < 100_000; i++) {
                handover.putRecord(i);
                put.set(i + 1);
            }
            handover.finish(null);
        });
        handover.bindProducer(producer);
        producer.start();
        while (producer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // the producer fills the ring, then must park
        }
        assertEquals(8, put.get());

        long[] consumed = new long[1];
        Output<StreamRecord<Long>> inOrder = new Output<>() {
            @Override
            public void collect(StreamRecord<Long> record) {
                assertEquals(consumed[0]++, record.getValue());
            }

            @Override
            public void emitWatermark(Watermark watermark) {}

            @Override
            public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {}

            @Override
            public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
                throw new AssertionError("a source function has no side outputs");
            }

            @Override
            public void close() {}
        };
        long maxAhead = 0;
        while (true) {
            wakeup.reset();
            InputStatus status = handover.emitNext(inOrder, 3);
            if (status == InputStatus.END_OF_INPUT) {
                break;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                wakeup.await();
            }
            // put is read before the consumer's count: a producer ahead by more than the ring would show here
            long produced = put.get();
            maxAhead = Math.max(maxAhead, produced - consumed[0]);
        }
        producer.join();
        assertEquals(100_000, put.get());
        assertEquals(100_000, consumed[0]);
        assertTrue(maxAhead <= 8, "the producer ran " + maxAhead + " elements ahead of an 8-slot ring");
    }

    @Test
    void theFunctionsFailureIsThrownToTheTask() {
        SourceHandover<Long> handover = new SourceHandover<>(4, new TaskWakeup(), () -> {});
        IllegalStateException failure = new IllegalStateException("broken");
        handover.putRecord(1L);
        handover.finish(failure);
        assertSame(failure, assertThrows(IllegalStateException.class, () -> handover.emitNext(new Recording(), 10)));
    }

    @Test
    void releaseStopsAProducerWaitingForSpace() throws Exception {
        SourceHandover<Long> handover = new SourceHandover<>(2, new TaskWakeup(), () -> {});
        AtomicInteger stopped = new AtomicInteger();
        Thread producer = new Thread(() -> {
            try {
                for (long i = 0; ; i++) {
                    handover.putRecord(i);
                }
            } catch (TaskCancelledException e) {
                stopped.incrementAndGet();
            }
        });
        handover.bindProducer(producer);
        producer.start();
        while (producer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        handover.release();
        producer.join();
        assertEquals(1, stopped.get());
    }

    @Test
    void accumulatorCopiesArePublishedByTheProducerWhenAsked() {
        AtomicInteger published = new AtomicInteger();
        SourceHandover<Long> handover = new SourceHandover<>(4, new TaskWakeup(), published::incrementAndGet);
        handover.putRecord(1L);
        assertEquals(0, published.get());
        handover.requestAccumulators();
        handover.putRecord(2L);
        handover.putRecord(3L);
        assertEquals(1, published.get());
    }
}
