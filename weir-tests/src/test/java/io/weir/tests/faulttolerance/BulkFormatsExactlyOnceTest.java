package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.fs.Path;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.connector.file.src.FileSource;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.formats.avro.AvroReaders;
import io.weir.formats.avro.AvroWriters;
import io.weir.formats.parquet.AvroParquetReaders;
import io.weir.formats.parquet.AvroParquetWriters;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each bulk format, a job writes part files through the FileSink (rolling at every checkpoint)
 * across an injected failure; a second job reads them back with the FileSource: every record exactly
 * once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BulkFormatsExactlyOnceTest {
    private static final long RECORDS = 3_000;
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /** A record as Avro's reflection reads it: public fields and a no-argument constructor. */
    public static final class Trade {
        public String symbol;
        public long quantity;

        public Trade() {}

        Trade(String symbol, long quantity) {
            this.symbol = symbol;
            this.quantity = quantity;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trade t && Objects.equals(symbol, t.symbol) && quantity == t.quantity;
        }

        @Override
        public int hashCode() {
            return Objects.hash(symbol, quantity);
        }

        @Override
        public String toString() {
            return symbol + ":" + quantity;
        }
    }

    /** A bulk format: its writer, its reader and the magic bytes its files start with. */
    enum Format {
        AVRO(AvroWriters::forReflectRecord, AvroReaders::forReflectRecord, "Obj\u0001"),
        PARQUET(AvroParquetWriters::forReflectRecord, AvroParquetReaders::forReflectRecord, "PAR1");

        final Function<Class<Trade>, BulkWriter.Factory<Trade>> writer;
        final Function<Class<Trade>, StreamFormat<Trade>> reader;
        final String magic;

        Format(Function<Class<Trade>, BulkWriter.Factory<Trade>> writer,
                Function<Class<Trade>, StreamFormat<Trade>> reader, String magic) {
            this.writer = writer;
            this.reader = reader;
            this.magic = magic;
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void writtenAcrossAFailureIsReadBackOnceEach(Format format, @TempDir java.nio.file.Path dir) throws Exception {
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(100);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        Path out = Path.fromLocalFile(dir.resolve("trades").toFile());
        env.fromSource(new DataGeneratorSource<>(i -> new Trade("T" + (i % 7), i), RECORDS,
                                RateLimiterStrategy.perCheckpoint((int) RECORDS / 10), TypeInformation.of(Trade.class)),
                        WatermarkStrategy.noWatermarks(), "trades")
                .map(new FailOnce()).returns(TypeInformation.of(Trade.class))
                .sinkTo(FileSink.forBulkFormat(out, format.writer.apply(Trade.class))
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
        env.execute("trades to " + format);
        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        try (Stream<java.nio.file.Path> files = Files.list(dir.resolve("trades"))) {
            List<java.nio.file.Path> visible = files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
            assertTrue(visible.size() > 1, "the sink rolled at checkpoints: " + visible);
            byte[] magic = new byte[4];
            System.arraycopy(Files.readAllBytes(visible.get(0)), 0, magic, 0, 4);
            assertEquals(format.magic, new String(magic), "a file of " + format);
        }

        StreamExecutionEnvironment read = CLUSTER.createEnvironment(2);
        List<Trade> trades = new ArrayList<>(read.fromSource(
                FileSource.forRecordStreamFormat(format.reader.apply(Trade.class), out).build(),
                WatermarkStrategy.noWatermarks(), format.toString()).executeAndCollect(100_000));
        trades.sort(Comparator.comparingLong(t -> t.quantity));
        List<Trade> expected = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.add(new Trade("T" + (i % 7), i));
        }
        assertEquals(expected, trades);
    }

    /** Fails once, in the first attempt, after a checkpoint completed and a third of the records. */
    static final class FailOnce extends RichMapFunction<Trade, Trade> implements CheckpointListener {
        private transient long seen;

        @Override
        public Trade map(Trade value) {
            if (++seen >= RECORDS / 6 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " trades");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
