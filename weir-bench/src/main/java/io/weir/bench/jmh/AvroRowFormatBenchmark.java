package io.weir.bench.jmh;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.sql.connectors.formats.FormatFactory;
import io.weir.sql.connectors.formats.Formats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SQL's {@code 'format' = 'avro'} on one row per operation: a Nexmark bid as a table row (three
 * BIGINT, three STRING, a TIMESTAMP(3)) plus a DECIMAL(10, 2) column and a nested ROW, read from and
 * written to an Avro binary message of the schema the columns derive. The format is found by name, as
 * a table finds it, so this runs only with {@code weir-formats-avro} on the class path (a source build
 * of weir-bench, see docs/benchmarks.md): the distribution does not ship it.
 *
 * <p>An operation is a batch of {@value #BATCH} rows, and the {@link ThreadCpuTime} counters give the
 * benchmark thread's CPU time per row ({@code cpuNanos / records}), which a loaded machine distorts
 * much less than the wall time per operation (the process CPU time of {@link ProcessCpuTime} counts in
 * 10 ms steps here, too coarse for batches of a few milliseconds).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(AvroRowFormatBenchmark.BATCH)
public class AvroRowFormatBenchmark {
    static final int BATCH = 1_000;

    private static final RowTypeInfo SELLER = new RowTypeInfo(
            new TypeInformation<?>[] {Types.LONG, Types.STRING}, new String[] {"id", "city"});
    private static final RowTypeInfo BID = new RowTypeInfo(
            new TypeInformation<?>[] {Types.LONG, Types.LONG, Types.LONG, Types.STRING, Types.STRING,
                    Types.LOCAL_DATE_TIME, Types.STRING, Types.BIG_DEC, SELLER},
            new String[] {"auction", "bidder", "price", "channel", "url", "dateTime", "extra", "amount", "seller"});

    private SerializationSchema<Row> serializer;
    private DeserializationSchema<Row> deserializer;
    private Row row;
    private byte[] message;

    @Setup
    public void setUp() throws IOException {
        FormatFactory avro = Formats.find("bids", "format", "avro");
        FormatFactory.Context context = new FormatFactory.Context("bids", "avro", BID, Map.of(),
                Map.of("amount", new FormatFactory.Decimal(10, 2)));
        serializer = avro.createSerializer(context);
        deserializer = avro.createDeserializer(context);
        row = Row.of(BenchData.RECORD.auction(), BenchData.RECORD.bidder(), BenchData.RECORD.price(),
                BenchData.RECORD.channel(), BenchData.RECORD.url(), LocalDateTime.of(2026, 12, 5, 3, 0, 0, 123_000_000),
                BenchData.RECORD.extra(), new BigDecimal("620.30"), Row.of(1_001L, "Kent"));
        message = serializer.serialize(row);
        Row read = deserializer.deserialize(message);
        if (!row.equals(read)) {
            throw new IllegalStateException("The avro format gave back " + read + " for " + row);
        }
    }

    /** The benchmark thread's CPU time and rows of an iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ThreadCpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuNanos;
        public long records;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            records = 0;
        }

        static long now() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void add(long start, long rows) {
            cpuNanos += now() - start;
            records += rows;
        }
    }

    @Benchmark
    public void serialize(ThreadCpuTime cpu, Blackhole sink) {
        long start = ThreadCpuTime.now();
        for (int i = 0; i < BATCH; i++) {
            sink.consume(serializer.serialize(row));
        }
        cpu.add(start, BATCH);
    }

    @Benchmark
    public void deserialize(ThreadCpuTime cpu, Blackhole sink) throws IOException {
        long start = ThreadCpuTime.now();
        for (int i = 0; i < BATCH; i++) {
            sink.consume(deserializer.deserialize(message));
        }
        cpu.add(start, BATCH);
    }
}
