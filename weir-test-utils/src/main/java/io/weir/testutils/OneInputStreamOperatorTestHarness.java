package io.weir.testutils;

import io.weir.api.functions.KeySelector;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import java.util.List;

/**
 * Runs one operator without a cluster: feed elements and watermarks, then read what it emitted.
 * The operator runs on the test's thread, as it would on its task's thread.
 *
 * <pre>{@code
 * var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(x -> x * 2));
 * harness.open();
 * harness.processElement(21, 100L);
 * assertEquals(List.of(42), harness.extractOutputValues());
 * }</pre>
 */
public class OneInputStreamOperatorTestHarness<IN, OUT> extends AbstractStreamOperatorTestHarness<OUT> {
    private final OneInputStreamOperator<IN, OUT> operator;

    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator) {
        this(operator, 128, 1, 0);
    }

    /** A harness for subtask {@code subtaskIndex} of {@code parallelism}, with {@code maxParallelism} key groups. */
    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, int maxParallelism,
            int parallelism, int subtaskIndex) {
        this(operator, null, maxParallelism, parallelism, subtaskIndex);
    }

    OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, ?> keySelector,
            int maxParallelism, int parallelism, int subtaskIndex) {
        super(operator, new KeySelector<?, ?>[] {keySelector}, maxParallelism, parallelism, subtaskIndex);
        this.operator = operator;
    }

    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(value, timestamp));
    }

    public void processElement(StreamRecord<IN> record) throws Exception {
        checkOpen();
        operator.setKeyContextElement(record);
        operator.processElement(record);
        afterElement();
    }

    /** Feeds all elements, one after the other. */
    public void processElements(List<StreamRecord<IN>> records) throws Exception {
        for (StreamRecord<IN> r : records) {
            processElement(r);
        }
    }

    public void processWatermark(long timestamp) throws Exception {
        processWatermark(new Watermark(timestamp));
    }

    /** Feeds a watermark: event-time timers at or before it fire, then the operator forwards it. */
    public void processWatermark(Watermark watermark) throws Exception {
        checkOpen();
        operator.processWatermark(watermark);
        runMailbox();
    }

    /** Feeds an idle or active status, as an input channel would. */
    public void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception {
        checkOpen();
        operator.processWatermarkStatus(watermarkStatus);
        runMailbox();
    }

    /** Ends the input: {@code endInput()} for bounded operators, then {@code finish()}. */
    public void endInput() throws Exception {
        checkOpen();
        if (operator instanceof BoundedOneInput) {
            ((BoundedOneInput) operator).endInput();
        }
        operator.finish();
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }
}
