package io.weir.testutils;

import io.weir.api.functions.KeySelector;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperatorFactory;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.TypeInformation;
import java.util.List;

/**
 * Runs one multiple-input operator, created by its {@link StreamOperatorFactory}, without a cluster:
 * feed elements, watermarks and idleness to any input (1-based ids, as {@code endInput}), in any
 * interleaving, then read what it emitted. Each call goes to the operator's {@code getInputs()}
 * entry for that input, as a task feeds it.
 *
 * <pre>{@code
 * var harness = new MultipleInputStreamOperatorTestHarness<>(new MyOperatorFactory(), 3);
 * harness.open();
 * harness.processElement(2, new StreamRecord<>("b", 10L));
 * harness.processWatermark(1, 5L); // inputs 2 and 3 hold the operator's watermark back
 * }</pre>
 */
public class MultipleInputStreamOperatorTestHarness<OUT> extends AbstractStreamOperatorTestHarness<OUT> {
    private final int numberOfInputs;
    @SuppressWarnings("rawtypes")
    private List<Input> inputs;

    public MultipleInputStreamOperatorTestHarness(StreamOperatorFactory<OUT> factory, int numberOfInputs) {
        this(factory, numberOfInputs, 128, 1, 0);
    }

    /** A harness for subtask {@code subtaskIndex} of {@code parallelism}, with {@code maxParallelism} key groups. */
    public MultipleInputStreamOperatorTestHarness(StreamOperatorFactory<OUT> factory, int numberOfInputs,
            int maxParallelism, int parallelism, int subtaskIndex) {
        super(factory, new KeySelector<?, ?>[numberOfInputs], maxParallelism, parallelism, subtaskIndex);
        this.numberOfInputs = numberOfInputs;
    }

    /** A keyed harness: {@code keySelectors} has one selector per input, all of keys of {@code keyType}. */
    public MultipleInputStreamOperatorTestHarness(StreamOperatorFactory<OUT> factory, List<KeySelector<?, ?>> keySelectors,
            TypeInformation<?> keyType, int maxParallelism, int parallelism, int subtaskIndex) {
        super(factory, keySelectors.toArray(new KeySelector<?, ?>[0]), maxParallelism, parallelism, subtaskIndex);
        this.numberOfInputs = keySelectors.size();
        setKeyType(keyType);
    }

    /** An element of input {@code inputId} (1-based). */
    @SuppressWarnings("unchecked")
    public void processElement(int inputId, StreamRecord<?> record) throws Exception {
        Input<Object> input = input(inputId);
        input.setKeyContextElement((StreamRecord<Object>) record);
        input.processElement((StreamRecord<Object>) record);
        afterElement();
    }

    public void processWatermark(int inputId, long timestamp) throws Exception {
        input(inputId).processWatermark(new Watermark(timestamp));
        runMailbox();
    }

    /** Input {@code inputId} becomes idle or active, as when its channels do. */
    public void processWatermarkStatus(int inputId, WatermarkStatus status) throws Exception {
        input(inputId).processWatermarkStatus(status);
        runMailbox();
    }

    /** Ends input {@code inputId}: {@code endInput(inputId)} for operators that implement {@link BoundedMultiInput}. */
    public void endInput(int inputId) throws Exception {
        input(inputId);
        if (operator() instanceof BoundedMultiInput bounded) {
            bounded.endInput(inputId);
        }
    }

    /** Ends every input in order, then calls {@code finish()}, as a task does when all its input has ended. */
    public void endAllInputs() throws Exception {
        for (int inputId = 1; inputId <= numberOfInputs; inputId++) {
            endInput(inputId);
        }
        operator().finish();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Input<Object> input(int inputId) {
        checkOpen();
        if (inputs == null) {
            inputs = ((MultipleInputStreamOperator<OUT>) operator()).getInputs();
            if (inputs.size() != numberOfInputs) {
                throw new IllegalStateException("The operator has " + inputs.size() + " inputs, the harness "
                        + numberOfInputs);
            }
        }
        if (inputId < 1 || inputId > numberOfInputs) {
            throw new IllegalArgumentException("Input " + inputId + " does not exist: the inputs are 1 to " + numberOfInputs);
        }
        return inputs.get(inputId - 1);
    }
}
