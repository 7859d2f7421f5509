package io.weir.api.connector.sink;

import java.io.IOException;
import java.util.List;

/**
 * A sink writer with state of its own (for example counters that name its output files), which
 * goes into checkpoints and comes back when the job restores one; the sink implements
 * {@link SupportsWriterState}.
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
    /** The writer's state for checkpoint {@code checkpointId}, taken after prepareCommit if it commits. */
    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
