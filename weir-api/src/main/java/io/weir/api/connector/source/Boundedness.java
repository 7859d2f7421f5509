package io.weir.api.connector.source;

/** Whether a source ends (BOUNDED) or runs until cancelled (CONTINUOUS_UNBOUNDED). */
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
