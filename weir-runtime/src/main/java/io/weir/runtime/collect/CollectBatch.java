package io.weir.runtime.collect;

import io.weir.runtime.coordination.OperatorEvent;

/** Serialized records from the collect sink to the client; {@code last} marks the end of the stream. */
public record CollectBatch(byte[] data, int count, boolean last) implements OperatorEvent {}
