package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.metrics.Counter;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.Metric;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.metrics.RegisteredMetric;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in metrics of a running event-time job equal what the job did: records in and out of
 * each task and operator, the late record a window dropped, the watermarks. The sink holds the
 * job open on its last record, so the counts are final while the metrics are still registered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskAndOperatorMetricsTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /** A watermark after every event: the largest timestamp so far minus one. */
    static final class Punctuated implements WatermarkGenerator<Long> {
        private long max = Long.MIN_VALUE + 1;

        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(new Watermark(max - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Blocks on its {@code last}-th record until the task is cancelled. */
    static final class HoldOnLast implements SinkFunction<Long> {
        static final AtomicLong SEEN = new AtomicLong();
        private final long last;

        HoldOnLast(long last) {
            this.last = last;
        }

        @Override
        public void invoke(Long value) throws InterruptedException {
            if (SEEN.incrementAndGet() == last) {
                new CountDownLatch(1).await();
            }
        }
    }

    @Test
    void countsWatermarksAndLateRecordsMatchTheJob() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData(1L, 2L, 20L, 3L) // 3 arrives after the watermark 19: late for [0, 10), dropped
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forGenerator(c -> new Punctuated())
                        .withTimestampAssigner((v, previous) -> v)).name("Stamp")
                .keyBy(v -> 0L)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .reduce(Long::sum).name("Sum")
                .addSink(new HoldOnLast(2)).name("Hold");
        JobClient job = env.executeAsync("metrics");
        try {
            String jobId = job.getJobID().toHexString();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (value(jobId, "Hold", "numRecordsIn") != 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(2, value(jobId, "Hold", "numRecordsIn"), "the two windows reached the sink");
            assertEquals(4, value(jobId, "Stamp", "numRecordsOut"));
            assertEquals(4, value(jobId, "Sum", "numRecordsIn"), "the window operator heads its task");
            assertEquals(2, value(jobId, "Sum", "numRecordsOut"));
            assertEquals(1, value(jobId, "Sum", "numLateRecordsDropped"));
            assertEquals(Long.MAX_VALUE, value(jobId, "Sum", "currentInputWatermark"), "the end of input");
            assertEquals(Long.MAX_VALUE, value(jobId, "Stamp", "currentOutputWatermark"));
            assertEquals(4, taskValue(jobId, "Sum -> Hold", "numRecordsIn"));
            assertEquals(4, taskValue(jobId, "Collection Source -> Stamp", "numRecordsOut"));
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Blocks on its first record until the task is cancelled. */
    static final class Blocked implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aBlockedConsumerFillsItsInputBuffersAndItsProducersOutputBuffers() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, 1_000_000_000L).name("Numbers").rebalance().addSink(new Blocked()).name("Blocked");
        JobClient job = env.executeAsync("back-pressured");
        try {
            String jobId = job.getJobID().toHexString();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((bufferUsage(jobId, "Blocked", "inPoolUsage") < 1 || bufferUsage(jobId, "Numbers", "outPoolUsage") < 1)
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1f, bufferUsage(jobId, "Blocked", "inPoolUsage"), "every input buffer of the sink is queued");
            assertEquals(1f, bufferUsage(jobId, "Numbers", "outPoolUsage"), "every output buffer of the source is in flight");
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** A task's {@code buffers} gauge; the task is the one whose name contains {@code task}; -1 before it registered. */
    private static float bufferUsage(String jobId, String task, String name) {
        for (RegisteredMetric m : CLUSTER.getMiniCluster().metricRegistry().metrics()) {
            String taskName = m.group().variable("<task_name>");
            if (jobId.equals(m.group().variable("<job_id>")) && taskName != null && taskName.contains(task)
                    && m.group().variable("<operator_name>") == null && m.name().equals(name)) {
                return ((Number) ((Gauge<?>) m.metric()).getValue()).floatValue();
            }
        }
        return -1;
    }

    /** An operator metric of the job, as a number; -1 while it is not registered. */
    private static long value(String jobId, String operator, String name) {
        for (RegisteredMetric m : CLUSTER.getMiniCluster().metricRegistry().metrics()) {
            if (jobId.equals(m.group().variable("<job_id>")) && operator.equals(m.group().variable("<operator_name>"))
                    && m.name().equals(name)) {
                return number(m.metric());
            }
        }
        return -1;
    }

    private static long taskValue(String jobId, String task, String name) {
        for (RegisteredMetric m : CLUSTER.getMiniCluster().metricRegistry().metrics()) {
            if (jobId.equals(m.group().variable("<job_id>")) && task.equals(m.group().variable("<task_name>"))
                    && m.group().variable("<operator_name>") == null && m.name().equals(name)) {
                return number(m.metric());
            }
        }
        throw new AssertionError("task " + task + " has no metric " + name);
    }

    private static long number(Metric metric) {
        return metric instanceof Counter c ? c.getCount() : ((Number) ((Gauge<?>) metric).getValue()).longValue();
    }
}
