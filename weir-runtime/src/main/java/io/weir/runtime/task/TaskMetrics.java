package io.weir.runtime.task;

import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.MeterView;
import io.weir.api.metrics.MetricGroup;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.runtime.operators.windowing.WindowOperator;
import io.weir.runtime.exchange.RecordWriter;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.metrics.SuppliedCounter;
import io.weir.runtime.metrics.TimeMsPerSecond;
import io.weir.runtime.metrics.WaitTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The built-in metrics of a task and its operators, with Flink's names. They read counts the hot
 * path keeps anyway, in plain fields (records and bytes per exchange, records per chained output)
 * and wait times the task loop adds up per wait, so registering them adds no work per record.
 *
 * <p>Task: {@code numRecordsIn}, {@code numRecordsOut}, {@code numBytesIn}, {@code numBytesOut}
 * and their {@code PerSecond} rates, {@code busyTimeMsPerSecond}, {@code idleTimeMsPerSecond},
 * {@code backPressuredTimeMsPerSecond}, {@code currentInputWatermark}, and under
 * {@code buffers}: {@code inputQueueLength}, {@code inPoolUsage} (queued input buffers over the buffers
 * per channel of its channels, at most 1), {@code outPoolUsage}.
 * Operator: {@code numRecordsIn}, {@code numRecordsOut} and rates, {@code currentInputWatermark},
 * {@code currentOutputWatermark}, {@code watermarkLag} for sources, and {@code numLateRecordsDropped}
 * for window operators.
 *
 * <p>Threading: registered on the task's thread; the gauges are read by reporters on theirs.
 */
final class TaskMetrics {
    private TaskMetrics() {}

    /** @param buffersPerChannel the buffers each channel is given ({@code inPoolUsage} is measured against them) */
    static void register(ScopedMetricGroup task, OperatorChain chain, TaskInput input, WaitTimer idle,
            WaitTimer waitingForOutput, int buffersPerChannel) {
        List<RecordWriter<?>> writers = chain.writers();
        NetworkInput network = input.network();
        LongSupplier recordsIn = network == null ? () -> 0L : network::recordsRead;
        List<CountedOutput> exits = new ArrayList<>();
        for (int i = 0; i < chain.operators().size(); i++) {
            for (CountedOutput output : chain.outputsOf(i)) {
                if (output instanceof RecordWriterOutput<?>) {
                    exits.add(output);
                }
            }
        }
        LongSupplier recordsOut = () -> {
            long sum = 0;
            for (CountedOutput exit : exits) {
                sum += exit.recordsOut();
            }
            return sum;
        };
        LongSupplier bytesOut = () -> {
            long sum = 0;
            for (RecordWriter<?> writer : writers) {
                sum += writer.bytesWritten();
            }
            return sum;
        };
        LongSupplier backPressured = () -> {
            long sum = waitingForOutput.totalNanos();
            for (RecordWriter<?> writer : writers) {
                sum += writer.pool().backPressuredNanos();
            }
            return sum;
        };
        counterWithRate(task, "numRecordsIn", recordsIn);
        counterWithRate(task, "numRecordsOut", recordsOut);
        counterWithRate(task, "numBytesIn", network == null ? () -> 0L : network::bytesRead);
        counterWithRate(task, "numBytesOut", bytesOut);
        TimeMsPerSecond idleTime = task.gauge("idleTimeMsPerSecond", new TimeMsPerSecond(idle::totalNanos));
        TimeMsPerSecond backPressuredTime = task.gauge("backPressuredTimeMsPerSecond",
                new TimeMsPerSecond(backPressured));
        task.gauge("busyTimeMsPerSecond", (Gauge<Long>) () ->
                Math.max(0, 1000 - idleTime.getValue() - backPressuredTime.getValue()));
        StreamOperator<?> head = chain.head();
        if (head instanceof AbstractStreamOperator<?> operator && network != null) {
            task.gauge("currentInputWatermark", (Gauge<Long>) operator::getCurrentWatermark);
        }
        MetricGroup buffers = task.addGroup("buffers");
        if (network != null) {
            buffers.gauge("inputQueueLength", (Gauge<Integer>) () -> network.queue().size());
            // the producers' pools give each channel buffersPerChannel buffers (Flink's exclusive buffers)
            int channels = 0;
            for (boolean connected : network.connectedChannels()) {
                channels += connected ? 1 : 0;
            }
            float share = Math.max(1, buffersPerChannel * channels);
            buffers.gauge("inPoolUsage", (Gauge<Float>) () -> Math.min(1f, network.queue().size() / share));
        }
        buffers.gauge("outPoolUsage", (Gauge<Float>) () -> {
            float max = 0;
            for (RecordWriter<?> writer : writers) {
                max = Math.max(max, writer.pool().usage());
            }
            return max;
        });
        for (int i = 0; i < chain.operators().size(); i++) {
            registerOperator(chain, i, i == chain.headIndex() ? recordsIn : null);
        }
    }

    /** @param headRecordsIn the task's input count for the head operator, {@code null} for chained ones */
    private static void registerOperator(OperatorChain chain, int index, LongSupplier headRecordsIn) {
        ScopedMetricGroup group = chain.metricGroupOf(index);
        List<CountedOutput> outputs = chain.outputsOf(index);
        List<CountedOutput> inputs = chain.chainedInputsOf(index);
        LongSupplier out = () -> {
            long sum = 0;
            for (CountedOutput output : outputs) {
                sum += output.recordsOut();
            }
            return sum;
        };
        LongSupplier in = headRecordsIn == null ? () -> {
            long sum = 0;
            for (CountedOutput input : inputs) {
                sum += input.recordsOut();
            }
            return sum;
        } : () -> {
            long sum = headRecordsIn.getAsLong();
            for (CountedOutput input : inputs) { // chained sources into a multiple-input head
                sum += input.recordsOut();
            }
            return sum;
        };
        StreamOperator<?> operator = chain.operators().get(index);
        boolean source = index < chain.headIndex() || index == 0 && !(operator instanceof OneInputStreamOperator)
                && !(operator instanceof TwoInputStreamOperator) && !(operator instanceof MultipleInputStreamOperator);
        // a source reads its records from outside: what it emitted is what it read
        counterWithRate(group, "numRecordsIn", source ? out : in);
        counterWithRate(group, "numRecordsOut", out);
        if (operator instanceof AbstractStreamOperator<?> stream && !source) {
            group.gauge("currentInputWatermark", (Gauge<Long>) stream::getCurrentWatermark);
        }
        if (!outputs.isEmpty()) {
            CountedOutput first = outputs.get(0);
            group.gauge("currentOutputWatermark", (Gauge<Long>) first::lastWatermark);
            if (source) {
                group.gauge("watermarkLag", (Gauge<Long>) () -> watermarkLag(first.lastWatermark()));
            }
        }
        if (operator instanceof WindowOperator<?, ?, ?, ?, ?> window) {
            group.gauge("numLateRecordsDropped", (Gauge<Long>) window::getNumLateRecordsDropped);
        }
    }

    /**
     * FLIP-33's {@code watermarkLag} of a source: how far its latest watermark is behind the wall
     * clock, in ms; -1 before its first watermark and after its last (end of input).
     */
    private static long watermarkLag(long watermark) {
        if (watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE) {
            return -1;
        }
        return System.currentTimeMillis() - watermark;
    }

    private static void counterWithRate(ScopedMetricGroup group, String name, LongSupplier count) {
        SuppliedCounter counter = group.counter(name, new SuppliedCounter(count));
        group.meter(name + "PerSecond", new MeterView(counter));
    }
}
