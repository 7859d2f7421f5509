package io.weir.api.connector.sink;

import java.io.IOException;
import java.io.Serializable;

/** Where a stream ends: creates one {@link SinkWriter} per parallel subtask. */
public interface Sink<InputT> extends Serializable {
    SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}
