package io.weir.testutils;

import io.weir.api.functions.KeySelector;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;

/**
 * Runs one two-input operator without a cluster: feed elements and watermarks to either input, in
 * any interleaving, then read what it emitted. The operator's watermark is the minimum of the two
 * inputs', so a watermark on one input alone emits nothing.
 *
 * <pre>{@code
 * var harness = new TwoInputStreamOperatorTestHarness<>(new CoStreamMap<>(new CoMapFunction<Integer, String, String>() {
 *     public String map1(Integer value) { return "n" + value; }
 *     public String map2(String value) { return value; }
 * }));
 * harness.open();
 * harness.processElement1(1, 10L);
 * harness.processElement2("s", 11L);
 * assertEquals(List.of("n1", "s"), harness.extractOutputValues());
 * }</pre>
 */
public class TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> extends AbstractStreamOperatorTestHarness<OUT> {
    private final TwoInputStreamOperator<IN1, IN2, OUT> operator;

    public TwoInputStreamOperatorTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator) {
        this(operator, 128, 1, 0);
    }

    /** A harness for subtask {@code subtaskIndex} of {@code parallelism}, with {@code maxParallelism} key groups. */
    public TwoInputStreamOperatorTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator, int maxParallelism,
            int parallelism, int subtaskIndex) {
        this(operator, null, null, maxParallelism, parallelism, subtaskIndex);
    }

    TwoInputStreamOperatorTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator, KeySelector<IN1, ?> keySelector1,
            KeySelector<IN2, ?> keySelector2, int maxParallelism, int parallelism, int subtaskIndex) {
        super(operator, new KeySelector<?, ?>[] {keySelector1, keySelector2}, maxParallelism, parallelism,
                subtaskIndex);
        this.operator = operator;
    }

    public void processElement1(IN1 value, long timestamp) throws Exception {
        processElement1(new StreamRecord<>(value, timestamp));
    }

    public void processElement1(StreamRecord<IN1> record) throws Exception {
        checkOpen();
        operator.setKeyContextElement1(record);
        operator.processElement1(record);
        afterElement();
    }

    public void processElement2(IN2 value, long timestamp) throws Exception {
        processElement2(new StreamRecord<>(value, timestamp));
    }

    public void processElement2(StreamRecord<IN2> record) throws Exception {
        checkOpen();
        operator.setKeyContextElement2(record);
        operator.processElement2(record);
        afterElement();
    }

    public void processWatermark1(long timestamp) throws Exception {
        processWatermark1(new Watermark(timestamp));
    }

    public void processWatermark1(Watermark watermark) throws Exception {
        checkOpen();
        operator.processWatermark1(watermark);
        runMailbox();
    }

    public void processWatermark2(long timestamp) throws Exception {
        processWatermark2(new Watermark(timestamp));
    }

    public void processWatermark2(Watermark watermark) throws Exception {
        checkOpen();
        operator.processWatermark2(watermark);
        runMailbox();
    }

    /** Feeds an idle or active status to the first input, as its channels would. */
    public void processWatermarkStatus1(WatermarkStatus status) throws Exception {
        checkOpen();
        operator.processWatermarkStatus1(status);
        runMailbox();
    }

    /** Feeds an idle or active status to the second input, as its channels would. */
    public void processWatermarkStatus2(WatermarkStatus status) throws Exception {
        checkOpen();
        operator.processWatermarkStatus2(status);
        runMailbox();
    }

    /** A watermark on both inputs, as when both have reached the same event time. */
    public void processBothWatermarks(Watermark watermark) throws Exception {
        processWatermark1(watermark);
        processWatermark2(watermark);
    }

    /** Ends the first input: {@code endInput(1)} for operators that implement {@link BoundedMultiInput}. */
    public void endInput1() throws Exception {
        checkOpen();
        if (operator instanceof BoundedMultiInput bounded) {
            bounded.endInput(1);
        }
    }

    /** Ends the second input: {@code endInput(2)} for operators that implement {@link BoundedMultiInput}. */
    public void endInput2() throws Exception {
        checkOpen();
        if (operator instanceof BoundedMultiInput bounded) {
            bounded.endInput(2);
        }
    }

    /** Ends both inputs, first then second, as a task does when all its input has ended, then calls {@code finish()}. */
    public void endInput() throws Exception {
        endInput1();
        endInput2();
        operator.finish();
    }

    public TwoInputStreamOperator<IN1, IN2, OUT> getOperator() {
        return operator;
    }
}
