package io.weir.bench.jmh;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.configuration.MemorySize;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.BatchShuffleMode;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bounded keyed aggregation and a bounded join, each a whole job of {@code records} records per
 * input (2,000,000 unless {@code -p records=...}) at parallelism 1, in BATCH and in STREAMING mode;
 * the time of one whole job (divide by {@code records} for the time per input record).
 *
 * <ul>
 *   <li>{@code aggregation}: {@code sequence -> (x % 100,000, 1) -> keyBy -> sum -> discard}.
 *       STREAMING emits every update and keeps every key's sum; BATCH sorts by key and emits one
 *       sum per key.
 *   <li>{@code join}: two sequences stamped with {@code x} as event time, keyed by
 *       {@code x % 100,000}, interval-joined within ±10 ms (each record meets its twin). STREAMING
 *       buffers each side in keyed state until the watermark passes; BATCH joins key by key.
 * </ul>
 *
 * {@code sortMemory} bounds the sort of BATCH mode ({@code execution.sorted-inputs.memory}):
 * {@code 1mb} makes it spill many runs to disk and merge them. {@code shuffle} is BATCH's
 * {@code execution.batch-shuffle-mode}: with {@code ALL_EXCHANGES_BLOCKING} (Flink's and Weir's
 * default) the sources write their whole output before the keyed stage starts, kept on the heap up
 * to {@code shuffleMemory} ({@code execution.batch-shuffle.memory}; {@code 0} writes it all to
 * files); {@code ALL_EXCHANGES_PIPELINED} runs the stages together, as STREAMING does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@State(Scope.Benchmark)
public class BatchModeBenchmark {
    static final int KEYS = 100_000;

    @Param({"2000000"})
    public long records;

    @Param({"aggregation", "join"})
    public String job;

    @Param({"STREAMING", "BATCH"})
    public RuntimeExecutionMode mode;

    @Param({"128mb", "1mb"})
    public String sortMemory;

    @Param({"ALL_EXCHANGES_BLOCKING"})
    public BatchShuffleMode shuffle;

    @Param({"64mb"})
    public String shuffleMemory;

    @Benchmark
    public long run() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(mode);
        env.configure(new Configuration().set(ExecutionOptions.SORTED_INPUTS_MEMORY, MemorySize.parse(sortMemory))
                .set(ExecutionOptions.BATCH_SHUFFLE_MODE, shuffle)
                .set(ExecutionOptions.BATCH_SHUFFLE_MEMORY, MemorySize.parse(shuffleMemory)));
        if (job.equals("aggregation")) {
            env.fromSequence(0, records - 1).map(new KeyAndOne(), Types.TUPLE(Types.LONG, Types.LONG))
                    .keyBy(t -> t.f0, Types.LONG).sum(1).sinkTo(new DiscardingSink<>());
        } else {
            stamped(env).keyBy(x -> x % KEYS, Types.LONG).intervalJoin(stamped(env).keyBy(x -> x % KEYS, Types.LONG))
                    .between(Duration.ofMillis(-10), Duration.ofMillis(10))
                    .process(new Pair(), Types.LONG).sinkTo(new DiscardingSink<>());
        }
        return env.execute("batch mode benchmark").getNetRuntime();
    }

    private DataStream<Long> stamped(StreamExecutionEnvironment env) {
        return env.fromSequence(0, records - 1).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, previous) -> x));
    }

    static final class KeyAndOne implements MapFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(x % KEYS, 1L);
        }
    }

    static final class Pair extends ProcessJoinFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<Long> out) {
            out.collect(left + right);
        }
    }
}
