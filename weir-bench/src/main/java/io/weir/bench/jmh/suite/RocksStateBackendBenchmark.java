package io.weir.bench.jmh.suite;

import io.weir.bench.jmh.ProcessCpuTime;
import io.weir.bench.jmh.suite.StateBackendBenchmarkBase.StateBackend;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * flink-benchmarks' {@code RocksStateBackendBenchmark}: the tumbling-window job of
 * {@link StateBackendBenchmarkBase} over 2,000,000 records, its state in
 * RocksDB; checkpoints (none are taken) would be full or incremental.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(RocksStateBackendBenchmark.RECORDS)
public class RocksStateBackendBenchmark {
    static final int RECORDS = 2_000_000;

    @Param({"ROCKS", "ROCKS_INC"})
    public StateBackend stateBackend = StateBackend.ROCKS;

    private Path checkpointDirectory;

    @Setup(Level.Trial)
    public void createDirectory() throws Exception {
        checkpointDirectory = StateBackendBenchmarkBase.createCheckpointDirectory();
    }

    @TearDown(Level.Trial)
    public void deleteDirectory() throws Exception {
        StateBackendBenchmarkBase.delete(checkpointDirectory);
    }

    @Benchmark
    public long stateBackends(ProcessCpuTime cpu) throws Exception {
        return StateBackendBenchmarkBase.run(stateBackend, checkpointDirectory, RECORDS, cpu);
    }
}
