package io.weir.runtime.checkpoint;

import java.io.Serializable;

/** Where one task's state of one checkpoint is: kept in memory, or in a file of the checkpoint's directory. */
public sealed interface TaskStateHandle extends Serializable {
    /** Bytes of state, for statistics. */
    long size();

    /** State kept in the JobManager's memory (no checkpoint directory configured). */
    record InMemory(TaskStateSnapshot state, long size) implements TaskStateHandle {}

    /** A file, named relative to the checkpoint's directory so that the directory can be moved. */
    record InFile(String relativePath, long size) implements TaskStateHandle {}
}
