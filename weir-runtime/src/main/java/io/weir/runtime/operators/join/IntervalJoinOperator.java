package io.weir.runtime.operators.join;

import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TimestampedCollector;
import io.weir.api.operators.Triggerable;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.transformations.IntervalJoinDescription;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.api.types.serializers.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Joins two keyed streams in event time: a left element at {@code l} and a right element at
 * {@code r} with equal keys are joined when {@code l + lowerBound <= r <= l + upperBound} (each
 * bound exclusive on request). Each side keeps its elements in keyed state, bucketed by timestamp,
 * until the watermark shows that no element of the other side can join them any more; an event-time
 * timer per bucket removes it then. So state stays bounded by the interval and the input's disorder.
 *
 * <p>Elements without timestamp are an error; elements behind the watermark (late) are dropped, or
 * sent to a side output if one is set for their side. Results carry the later timestamp of the pair.
 */
public class IntervalJoinOperator<K, T1, T2, OUT>
        extends AbstractUdfStreamOperator<OUT, ProcessJoinFunction<T1, T2, OUT>>
        implements TwoInputStreamOperator<T1, T2, OUT>, Triggerable<K, String> {
    private static final long serialVersionUID = 1L;

    private static final String LEFT_BUFFER = "LEFT_BUFFER";
    private static final String RIGHT_BUFFER = "RIGHT_BUFFER";
    private static final String CLEANUP_LEFT = "CLEANUP_LEFT";
    private static final String CLEANUP_RIGHT = "CLEANUP_RIGHT";

    /** Inclusive bounds, after turning exclusive ones inclusive (timestamps are whole milliseconds). */
    private final long lowerBound;
    private final long upperBound;
    private final OutputTag<T1> leftLateDataOutputTag;
    private final OutputTag<T2> rightLateDataOutputTag;
    private final TypeInformation<T1> leftType;
    private final TypeInformation<T2> rightType;

    private transient MapState<Long, List<T1>> leftBuffer;
    private transient MapState<Long, List<T2>> rightBuffer;
    private transient InternalTimerService<String> timers;
    private transient TimestampedCollector<OUT> collector;
    private transient JoinContext context;
    /**
     * BATCH mode: a key's records of both inputs come in timestamp order and no watermark cleans the
     * buffers until the key ends, so each record drops the other side's buckets that no later record
     * can join (what the watermark does in STREAMING); without it, every record would scan all of its
     * key's records on the other side.
     */
    private transient boolean inputsSortedByTime;

    /**
     * @param leftLateDataOutputTag side output for late left elements, or {@code null} to drop them
     * @param rightLateDataOutputTag side output for late right elements, or {@code null} to drop them
     */
    public IntervalJoinOperator(long lowerBound, long upperBound, boolean lowerBoundInclusive,
            boolean upperBoundInclusive, OutputTag<T1> leftLateDataOutputTag, OutputTag<T2> rightLateDataOutputTag,
            TypeInformation<T1> leftType, TypeInformation<T2> rightType, ProcessJoinFunction<T1, T2, OUT> udf) {
        this(new IntervalJoinDescription<>(lowerBound, upperBound, lowerBoundInclusive, upperBoundInclusive,
                leftLateDataOutputTag, rightLateDataOutputTag, leftType, rightType, udf));
    }

    /** The operator {@code description} describes (which has checked the bounds). */
    public IntervalJoinOperator(IntervalJoinDescription<T1, T2, OUT> description) {
        super(description.function());
        this.lowerBound = description.inclusiveLowerBound();
        this.upperBound = description.inclusiveUpperBound();
        this.leftLateDataOutputTag = description.leftLateDataOutputTag();
        this.rightLateDataOutputTag = description.rightLateDataOutputTag();
        this.leftType = description.leftType();
        this.rightType = description.rightType();
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (getKeyedStateBackend() == null) {
            throw new IllegalStateException("Interval join '" + getOperatorContext().getOperatorName()
                    + "' needs two keyed inputs: call intervalJoin on a KeyedStream with another KeyedStream.");
        }
        leftBuffer = getKeyedStateBackend().getPartitionedState(
                new MapStateDescriptor<>(LEFT_BUFFER, Types.LONG, Types.LIST(leftType)));
        rightBuffer = getKeyedStateBackend().getPartitionedState(
                new MapStateDescriptor<>(RIGHT_BUFFER, Types.LONG, Types.LIST(rightType)));
        timers = getInternalTimerService("interval-join-cleanup", StringSerializer.INSTANCE, this);
        collector = new TimestampedCollector<>(output);
        context = new JoinContext(userFunction);
        inputsSortedByTime = getOperatorContext().getExecutionConfig().getRuntimeMode() == RuntimeExecutionMode.BATCH;
    }

    @Override
    public void processElement1(StreamRecord<T1> record) throws Exception {
        long ts = timestampOf(record, "left");
        if (isLate(ts)) {
            sideOutputLate(leftLateDataOutputTag, record);
            return;
        }
        add(leftBuffer, ts, record.getValue());
        if (inputsSortedByTime) { // later left records have timestamps >= ts
            dropBefore(rightBuffer, ts + lowerBound);
        }
        for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
            long rightTs = bucket.getKey();
            if (rightTs >= ts + lowerBound && rightTs <= ts + upperBound) {
                for (T2 right : bucket.getValue()) {
                    join(record.getValue(), right, ts, rightTs);
                }
            }
        }
        // after the watermark passes ts + upperBound no right element can join this one any more
        timers.registerEventTimeTimer(CLEANUP_LEFT, upperBound > 0 ? ts + upperBound : ts);
    }

    @Override
    public void processElement2(StreamRecord<T2> record) throws Exception {
        long ts = timestampOf(record, "right");
        if (isLate(ts)) {
            sideOutputLate(rightLateDataOutputTag, record);
            return;
        }
        add(rightBuffer, ts, record.getValue());
        if (inputsSortedByTime) { // later right records have timestamps >= ts
            dropBefore(leftBuffer, ts - upperBound);
        }
        for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
            long leftTs = bucket.getKey();
            if (ts >= leftTs + lowerBound && ts <= leftTs + upperBound) {
                for (T1 left : bucket.getValue()) {
                    join(left, record.getValue(), leftTs, ts);
                }
            }
        }
        // a left element joins this one up to ts - lowerBound
        timers.registerEventTimeTimer(CLEANUP_RIGHT, lowerBound < 0 ? ts - lowerBound : ts);
    }

    @Override
    public void onEventTime(InternalTimer<K, String> timer) throws Exception {
        long time = timer.getTimestamp();
        if (CLEANUP_LEFT.equals(timer.getNamespace())) {
            leftBuffer.remove(upperBound > 0 ? time - upperBound : time);
        } else {
            rightBuffer.remove(lowerBound < 0 ? time + lowerBound : time);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<K, String> timer) {
        throw new IllegalStateException("Interval joins run in event time and register no processing-time timers.");
    }

    private long timestampOf(StreamRecord<?> record, String side) {
        if (!record.hasTimestamp()) {
            throw new IllegalStateException("Interval join '" + getOperatorContext().getOperatorName() + "': an element"
                    + " of the " + side + " input has no timestamp. Interval joins work in event time: assign "
                    + "timestamps to both inputs (a WatermarkStrategy with a timestamp assigner) before joining.");
        }
        return record.getTimestamp();
    }

    private boolean isLate(long timestamp) {
        long watermark = timers.currentWatermark();
        return watermark != Long.MIN_VALUE && timestamp < watermark;
    }

    private <T> void sideOutputLate(OutputTag<T> tag, StreamRecord<T> record) {
        if (tag != null) {
            output.collect(tag, new StreamRecord<>(record.getValue(), record.getTimestamp()));
        }
    }

    /** Removes the buckets of {@code buffer} with timestamps before {@code time}. */
    private static <T> void dropBefore(MapState<Long, List<T>> buffer, long time) throws Exception {
        List<Long> passed = null;
        for (Long bucket : buffer.keys()) {
            if (bucket < time) {
                if (passed == null) {
                    passed = new ArrayList<>();
                }
                passed.add(bucket);
            }
        }
        if (passed != null) {
            for (Long bucket : passed) {
                buffer.remove(bucket);
            }
        }
    }

    private static <T> void add(MapState<Long, List<T>> buffer, long timestamp, T value) throws Exception {
        List<T> bucket = buffer.get(timestamp);
        if (bucket == null) {
            bucket = new ArrayList<>();
        }
        bucket.add(value);
        buffer.put(timestamp, bucket);
    }

    private void join(T1 left, T2 right, long leftTs, long rightTs) throws Exception {
        long resultTs = Math.max(leftTs, rightTs);
        context.leftTimestamp = leftTs;
        context.rightTimestamp = rightTs;
        context.resultTimestamp = resultTs;
        collector.setAbsoluteTimestamp(resultTs);
        userFunction.processElement(left, right, context, collector);
    }

    private final class JoinContext extends ProcessJoinFunction<T1, T2, OUT>.Context {
        private long leftTimestamp;
        private long rightTimestamp;
        private long resultTimestamp;

        JoinContext(ProcessJoinFunction<T1, T2, OUT> function) {
            function.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long getRightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long getTimestamp() {
            return resultTimestamp;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (outputTag == null) {
                throw new IllegalArgumentException("The OutputTag of a side output must not be null.");
            }
            output.collect(outputTag, new StreamRecord<>(value, resultTimestamp));
        }
    }
}
