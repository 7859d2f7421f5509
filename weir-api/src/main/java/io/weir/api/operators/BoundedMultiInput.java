package io.weir.api.operators;

/**
 * An operator with several inputs that wants to know when each of them has ended, for example to
 * emit what it buffered for one input once the other can no longer match it.
 */
public interface BoundedMultiInput {
    /**
     * Input {@code inputId} (1 for the first, 2 for the second) has ended: called once per input,
     * after its last element and watermark, and before {@code finish()}.
     */
    void endInput(int inputId) throws Exception;
}
