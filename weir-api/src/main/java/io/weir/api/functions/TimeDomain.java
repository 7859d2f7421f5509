package io.weir.api.functions;

/** Which clock a timer belongs to. */
public enum TimeDomain {
    /** The timer fires when the watermark passes its time. */
    EVENT_TIME,
    /** The timer fires when the task's wall clock passes its time. */
    PROCESSING_TIME
}
