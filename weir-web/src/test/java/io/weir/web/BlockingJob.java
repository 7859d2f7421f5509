package io.weir.web;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.metrics.Counter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job that processes exactly {@code records} longs and then stays running: the source (1..n) and
 * a map (with a user counter {@code parsed}) run in one task, a rebalance exchange feeds the sink,
 * which blocks on the last record until the job is cancelled. So the test reads the metrics of a
 * running job whose counts are final.
 */
final class BlockingJob {

    private BlockingJob() {}

    static void build(StreamExecutionEnvironment env, long records, String sinkKey) {
        DataStream<Long> parsed = env.fromSequence(1, records).name("Sequence").setParallelism(1)
                .map(new CountingMap()).name("Parse").setParallelism(1);
        parsed.rebalance().addSink(new BlockOnLast(records, sinkKey)).name("Hold").setParallelism(1);
    }

    /** Counts every record in the user metric {@code parsed}. */
    static final class CountingMap extends RichMapFunction<Long, Long> {
        private transient Counter parsed;

        @Override
        public void open(OpenContext context) {
            parsed = getRuntimeContext().getMetricGroup().counter("parsed");
        }

        @Override
        public Long map(Long value) {
            parsed.inc();
            return value;
        }
    }

    /** Blocks the sink's task on the last record until the task is cancelled (interrupted). */
    static final class BlockOnLast implements SinkFunction<Long> {
        static final java.util.Map<String, AtomicLong> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

        private final long last;
        private final String key;

        BlockOnLast(long last, String key) {
            this.last = last;
            this.key = key;
        }

        @Override
        public void invoke(Long value) throws InterruptedException {
            if (SEEN.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet() == last) {
                new CountDownLatch(1).await();
            }
        }
    }
}
