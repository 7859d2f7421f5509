package io.weir.runtime.checkpoint;

/**
 * Records each completed checkpoint of a job somewhere beyond its own metadata, such as a pointer in
 * ZooKeeper from which a new JobManager leader restores the job.
 *
 * <p>Contract: {@link #completed} is called once a checkpoint's metadata is durable and before the
 * tasks hear that it completed or any older checkpoint is discarded, so the record never names a
 * discarded checkpoint and every side effect committed for a checkpoint is covered by it. Throwing
 * fails the checkpoint (its files are discarded and the tasks are told it was aborted).
 *
 * <p>Threading: called on one of the JobMaster's I/O threads, one checkpoint at a time per job.
 */
@FunctionalInterface
public interface CompletedCheckpointRecorder {
    /** Records nothing: a job without high availability. */
    CompletedCheckpointRecorder NONE = checkpoint -> {};

    void completed(CompletedCheckpoint checkpoint) throws Exception;
}
