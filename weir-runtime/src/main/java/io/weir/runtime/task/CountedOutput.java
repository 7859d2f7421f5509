package io.weir.runtime.task;

/**
 * An output of an operator that counts what passes through it, for the operator metrics
 * {@code numRecordsOut} (and the next operator's {@code numRecordsIn}) and
 * {@code currentOutputWatermark}.
 *
 * <p>Threading: counted on the task's thread in plain fields; metrics read them from other threads
 * and may see slightly older values.
 */
interface CountedOutput {
    /** Records passed on so far. */
    long recordsOut();

    /** The last watermark passed on, {@code Long.MIN_VALUE} before the first. */
    long lastWatermark();
}
