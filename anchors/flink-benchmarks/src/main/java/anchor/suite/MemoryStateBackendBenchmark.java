package anchor.suite;

import anchor.suite.StateBackendBenchmarkBase.StateBackend;
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

/** Twin of Weir's {@code MemoryStateBackendBenchmark}: the tumbling-window job over 7,000,000 records on each backend. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(MemoryStateBackendBenchmark.RECORDS)
public class MemoryStateBackendBenchmark {
    static final int RECORDS = 7_000_000;

    @Param({"MEMORY", "FS"})
    public StateBackend stateBackend = StateBackend.MEMORY;

    private Path checkpointDirectory;

    /** Before timing: the program, small, on this backend, gives the sums per key Weir's gives. */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        checkpointDirectory = StateBackendBenchmarkBase.createCheckpointDirectory();
        StateBackendBenchmarkBase.check(cluster, stateBackend, checkpointDirectory);
    }

    @TearDown(Level.Trial)
    public void deleteDirectory() throws Exception {
        StateBackendBenchmarkBase.delete(checkpointDirectory);
    }

    @Benchmark
    public long stateBackends(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return StateBackendBenchmarkBase.run(cluster, stateBackend, checkpointDirectory, RECORDS, cpu);
    }
}
