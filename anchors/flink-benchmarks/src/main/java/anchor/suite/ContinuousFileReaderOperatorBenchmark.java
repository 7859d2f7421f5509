package anchor.suite;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twin of Weir's {@code ContinuousFileReaderOperatorBenchmark}: flink-benchmarks' program mapped to
 * the file API both engines share. 100 files of 175,000 lines of ten {@code '0'}s (written once per
 * trial into a temporary directory), read by a bounded {@code FileSource} with
 * {@code TextLineInputFormat} at parallelism 1 with checkpoints every 100 ms into a discarding sink.
 * flink-benchmarks' own program feeds made-up splits to a {@code ContinuousFileReaderOperator} whose
 * format reads no file; Weir has no such operator, so both engines run this program instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(ContinuousFileReaderOperatorBenchmark.RECORDS)
public class ContinuousFileReaderOperatorBenchmark {
    static final int SPLITS = 100;
    static final int LINES_PER_SPLIT = 175_000;
    static final int RECORDS = SPLITS * LINES_PER_SPLIT;
    static final long CHECKPOINT_INTERVAL_MS = 100;
    static final String LINE = "0".repeat(10);
    private static final int CHECK_RECORDS = 1_000;

    private java.nio.file.Path directory;

    /** Writes the splits; before timing, 4 small files give every line once, with checkpoints. */
    @Setup(Level.Trial)
    public void writeSplitsAndCheck(SuiteCluster cluster) throws Exception {
        java.nio.file.Path small = writeSplits(4, CHECK_RECORDS / 4);
        try {
            StreamExecutionEnvironment env = cluster.environment();
            env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
            Check.equal(Collections.nCopies(CHECK_RECORDS, LINE), Check.collect(program(env, small)),
                    "readFileSplit: every line of every split");
        } finally {
            StateBackendBenchmarkBase.delete(small);
        }
        directory = writeSplits(SPLITS, LINES_PER_SPLIT);
    }

    @TearDown(Level.Trial)
    public void deleteSplits() throws IOException {
        StateBackendBenchmarkBase.delete(directory);
    }

    @Benchmark
    public long readFileSplit(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        program(env, directory).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "readFileSplit", RECORDS, cpu);
    }

    static java.nio.file.Path writeSplits(int splits, int lines) throws IOException {
        java.nio.file.Path directory = Files.createTempDirectory("flink-suite-splits-");
        for (int split = 0; split < splits; split++) {
            try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("split-" + split + ".txt"),
                    StandardCharsets.UTF_8)) {
                for (int line = 0; line < lines; line++) {
                    out.write(LINE);
                    out.write('\n');
                }
            }
        }
        return directory;
    }

    static DataStream<String> program(StreamExecutionEnvironment env, java.nio.file.Path directory) {
        FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(directory.toString())).build();
        return env.fromSource(files, WatermarkStrategy.noWatermarks(), "fileReader");
    }
}
