package io.weir.runtime.state;

/** A state value with the processing time it was last written (or read, with OnReadAndWrite). */
public record TtlValue<V>(V userValue, long lastAccessTimestamp) {}
