package io.weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * The writer of a sink that {@link SupportsCommitter supports a committer}: at each checkpoint it
 * hands over what it wrote since the previous one as committables, which become visible when the
 * checkpoint completes.
 */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {
    /**
     * Called at each checkpoint (after {@link #flush(boolean)}) and once at the end of input:
     * closes what was written since the last call and returns it as committables. Everything
     * written before this call must be in them.
     */
    Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
