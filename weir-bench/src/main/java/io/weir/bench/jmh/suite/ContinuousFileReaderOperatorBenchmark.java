package io.weir.bench.jmh.suite;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.fs.Path;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.bench.jmh.ProcessCpuTime;
import io.weir.connector.file.src.FileSource;
import io.weir.connector.file.src.reader.TextLineInputFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
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
 * flink-benchmarks' {@code ContinuousFileReaderOperatorBenchmark}, mapped to the file API both
 * engines share: 100 splits of 175,000 lines of ten {@code '0'}s, read at parallelism 1 with
 * checkpoints every 100 ms into a sink. flink-benchmarks feeds 100 made-up splits from a
 * {@code SourceFunction} to a {@code ContinuousFileReaderOperator} whose input format makes the
 * lines up without reading a file; Weir has neither (Flink 2.x keeps that operator only behind
 * its legacy {@code readFile}), so here, and in the Flink twin alike, the splits are 100 real files
 * of 1.9 MB each (written once per trial into a temporary directory, read from the page cache
 * after the first job) and a bounded {@code FileSource} with {@code TextLineInputFormat} reads
 * them: one split per file, lines decoded as UTF-8, so the figure includes the reading and
 * decoding that flink-benchmarks' made-up format skips.
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
    /** Every line of every split. */
    public static final String LINE = "0".repeat(10);

    private java.nio.file.Path directory;

    @Setup(Level.Trial)
    public void writeSplits() throws IOException {
        directory = writeSplits(SPLITS, LINES_PER_SPLIT);
    }

    @TearDown(Level.Trial)
    public void deleteSplits() throws IOException {
        StateBackendBenchmarkBase.delete(directory);
    }

    @Benchmark
    public long readFileSplit(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        program(env, directory).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "readFileSplit", RECORDS, cpu);
    }

    /** A new temporary directory of {@code splits} files of {@code lines} lines of {@link #LINE} each. */
    public static java.nio.file.Path writeSplits(int splits, int lines) throws IOException {
        java.nio.file.Path directory = Files.createTempDirectory("weir-suite-splits-");
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

    /** The job up to its sink: every line of the files in {@code directory}, with checkpoints as the caller sets them. */
    public static DataStream<String> program(StreamExecutionEnvironment env, java.nio.file.Path directory) {
        FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(directory.toString())).build();
        return env.fromSource(files, WatermarkStrategy.noWatermarks(), "fileReader");
    }
}
