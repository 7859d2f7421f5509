package io.weir.api.operators;

import io.weir.api.functions.KeySelector;
import java.util.Arrays;

/**
 * Base class for operators with any number of inputs ({@link MultipleInputStreamOperator}), created
 * on the task by a {@link StreamOperatorFactory} with their parameters in the constructor. It has
 * all of {@link AbstractStreamOperator} (keyed state, timers, output) and combines its inputs:
 *
 * <h2>Event time</h2>
 * The operator's watermark is the minimum of its active inputs' watermarks; an input that has sent
 * none holds it back unless it is idle. When the minimum advances, {@link #processWatermark(Watermark)}
 * fires the timers and forwards it. The operator is idle when all its inputs are, and active again
 * as soon as one is; the watermark never moves back.
 *
 * <h2>Keys</h2>
 * A keyed operator (a {@code KeyedMultipleInputTransformation}) scopes keyed state to the key of each
 * element with the key selector of the element's input.
 *
 * <p>Threading: called from the task's thread only.
 */
public abstract class AbstractStreamOperatorV2<OUT> extends AbstractStreamOperator<OUT> {
    private static final long serialVersionUID = 1L;

    private final int numberOfInputs;
    private final long[] inputWatermarks;
    private final boolean[] inputIdle;
    private final KeySelector<Object, Object>[] keySelectors;
    private long combinedWatermark = Long.MIN_VALUE;

    /**
     * @param parameters what the runtime handed the factory for this operator
     * @param numberOfInputs how many inputs the operator has (its transformation's inputs)
     */
    @SuppressWarnings("unchecked")
    protected AbstractStreamOperatorV2(StreamOperatorParameters<OUT> parameters, int numberOfInputs) {
        if (numberOfInputs < 1) {
            throw new IllegalArgumentException("An operator needs at least one input, got " + numberOfInputs);
        }
        setup(parameters);
        this.numberOfInputs = numberOfInputs;
        this.inputWatermarks = new long[numberOfInputs];
        Arrays.fill(inputWatermarks, Long.MIN_VALUE);
        this.inputIdle = new boolean[numberOfInputs];
        this.keySelectors = new KeySelector[numberOfInputs];
        for (int i = 0; i < numberOfInputs; i++) {
            keySelectors[i] = (KeySelector<Object, Object>) parameters.getContext().getStateKeySelector(i);
        }
    }

    public int getNumberOfInputs() {
        return numberOfInputs;
    }

    /** Input {@code inputId}'s (1-based) watermark advanced: the operator's may advance too. */
    public void processWatermark(Watermark mark, int inputId) throws Exception {
        inputWatermarks[inputId - 1] = mark.getTimestamp();
        advanceToMinimumOfActiveInputs();
    }

    /**
     * Input {@code inputId} (1-based) became idle or active. An idle input stops holding the
     * watermark back; when the last active input goes idle, the watermark advances as far as the
     * furthest input got and the operator forwards {@link WatermarkStatus#IDLE}.
     */
    public void processWatermarkStatus(WatermarkStatus status, int inputId) throws Exception {
        boolean wasIdle = allIdle();
        inputIdle[inputId - 1] = status.isIdle();
        boolean idle = allIdle();
        if (idle != wasIdle) {
            if (idle) {
                long furthest = Long.MIN_VALUE;
                for (long watermark : inputWatermarks) {
                    furthest = Math.max(furthest, watermark);
                }
                advanceTo(furthest);
            }
            processWatermarkStatus(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
        if (!idle) {
            advanceToMinimumOfActiveInputs();
        }
    }

    /** Scopes keyed state to the key of {@code record}, an element of input {@code inputId} (1-based). */
    public void setKeyContextElement(StreamRecord<?> record, int inputId) throws Exception {
        KeySelector<Object, Object> selector = keySelectors[inputId - 1];
        if (selector != null) {
            getKeyedStateBackend().setCurrentKey(AbstractStreamOperator.keyOf(selector, record));
        }
    }

    private boolean allIdle() {
        for (boolean idle : inputIdle) {
            if (!idle) {
                return false;
            }
        }
        return true;
    }

    private void advanceToMinimumOfActiveInputs() throws Exception {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < numberOfInputs; i++) {
            if (!inputIdle[i]) {
                anyActive = true;
                min = Math.min(min, inputWatermarks[i]);
            }
        }
        if (anyActive) {
            advanceTo(min);
        }
    }

    private void advanceTo(long watermark) throws Exception {
        if (watermark > combinedWatermark) {
            combinedWatermark = watermark;
            processWatermark(new Watermark(watermark));
        }
    }
}
