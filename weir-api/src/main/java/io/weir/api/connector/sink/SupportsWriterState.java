package io.weir.api.connector.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/** A {@link Sink} whose writers keep state across checkpoints ({@link StatefulSinkWriter}). */
public interface SupportsWriterState<InputT, WriterStateT> {
    /**
     * Creates the writer of a restored subtask from the states its predecessors had at the
     * checkpoint (several when the sink's parallelism shrank, none when it grew).
     */
    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(WriterInitContext context,
            Collection<WriterStateT> recoveredState) throws IOException;

    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
