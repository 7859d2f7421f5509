package io.weir.runtime.checkpoint;

import java.io.Serializable;
import java.util.List;

/** Where one task's state of one checkpoint is: kept in memory, or in a file of the checkpoint's directory. */
public sealed interface TaskStateHandle extends Serializable {
    /** Bytes of state, for statistics. */
    long size();

    /** State kept in the JobManager's memory (no checkpoint directory configured). */
    record InMemory(TaskStateSnapshot state, long size) implements TaskStateHandle {}

    /**
     * A file, named relative to the checkpoint's directory so that the directory can be moved.
     *
     * @param sharedFiles the files of the job's shared directory the state refers to (incremental
     *     checkpoints), relative to the job's checkpoint directory, so that checkpoint storage can
     *     count their references; not kept in the checkpoint's metadata
     */
    record InFile(String relativePath, long size, List<String> sharedFiles) implements TaskStateHandle {
        public InFile {
            sharedFiles = List.copyOf(sharedFiles);
        }

        public InFile(String relativePath, long size) {
            this(relativePath, size, List.of());
        }
    }
}
