package io.weir.api.connector.sink;

import io.weir.api.functions.TaskInfo;
import java.util.OptionalLong;

/** What a sink writer learns when it is created: which subtask it serves, and where it restarts from. */
public interface WriterInitContext {
    TaskInfo getTaskInfo();

    ClassLoader getUserCodeClassLoader();

    /**
     * The checkpoint this subtask's state was restored from, or empty when the job started without
     * state. A writer uses it to tell what a failed attempt left behind that the checkpoint covers
     * (it will be committed) from what it does not (it must be discarded).
     */
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }
}
