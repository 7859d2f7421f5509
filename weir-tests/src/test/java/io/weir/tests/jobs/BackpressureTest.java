package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.testutils.MiniClusterExtension;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow sink must slow down its producer instead of letting records pile up in memory: the number
 * of records produced but not yet consumed must stay within what the bounded exchange buffers hold.
 */
class BackpressureTest {
    static final AtomicLong PRODUCED = new AtomicLong();
    static final AtomicLong CONSUMED = new AtomicLong();
    static final AtomicLong MAX_IN_FLIGHT = new AtomicLong();

    private static final long RECORDS = 60_000;
    private static final String PAYLOAD = "x".repeat(100);

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    @Test
    void slowSinkBoundsRecordsInFlight() throws Exception {
        PRODUCED.set(0);
        CONSUMED.set(0);
        MAX_IN_FLIGHT.set(0);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, RECORDS)
                .map(i -> {
                    PRODUCED.incrementAndGet();
                    return PAYLOAD + i;
                })
                .rebalance()
                .sinkTo(new SlowSink())
                .disableChaining();
        env.execute("backpressure");

        assertEquals(RECORDS, CONSUMED.get());
        // The producer's pool holds 4 buffers of 32 KiB: about 1,300 records of ~110 bytes each, plus the
        // records of the buffer being deserialized. Without backpressure the producer would finish all
        // 60,000 records while the sink had read only a few.
        long bound = 2_000;
        assertTrue(MAX_IN_FLIGHT.get() <= bound,
                "up to " + MAX_IN_FLIGHT.get() + " records were produced but not consumed (bound " + bound + ")");
        assertTrue(MAX_IN_FLIGHT.get() > 100, "the sink never lagged: the test did not exercise backpressure");
    }

    /** Consumes slowly and records how far the producer ran ahead. */
    static final class SlowSink implements Sink<String> {
        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context ctx) {
                    long consumed = CONSUMED.incrementAndGet();
                    MAX_IN_FLIGHT.accumulateAndGet(PRODUCED.get() - consumed, Math::max);
                    if (consumed % 64 == 0) {
                        LockSupport.parkNanos(200_000);
                    }
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
