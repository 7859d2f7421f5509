package io.weir.connector.file.sink;

import java.io.Serializable;

/**
 * When the part file being written is closed and a new one started. Whatever the policy says, a
 * row-format part file is also closed at every checkpoint: its contents become visible when the
 * checkpoint completes.
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {
    /** Asked at each checkpoint; the file is closed at a checkpoint in any case. */
    boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState);

    /** Asked before each element is written. */
    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element);

    /** Asked with the current processing time before each element and at each checkpoint. */
    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime);
}
