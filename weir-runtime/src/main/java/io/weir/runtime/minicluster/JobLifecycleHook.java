package io.weir.runtime.minicluster;

import io.weir.runtime.graph.JobGraph;

/**
 * Prepares each job a {@link MiniCluster} runs before it starts and tidies up after it ended: a
 * cluster's JobManager ships the jars of jobs submitted on it (REST jar runs) this way.
 *
 * <p>Threading: {@link #beforeStart} runs on the submitting thread, {@link #checkpointCompleted} on
 * one of the JobMaster's I/O threads, {@link #afterEnd} on a thread of the common pool once the job
 * reached its final state.
 */
public interface JobLifecycleHook {
    /** Called before the job's JobMaster is created; may set the job's jars. */
    void beforeStart(JobGraph job);

    /**
     * Called once a checkpoint of the job completed, with the contract of
     * {@link io.weir.runtime.checkpoint.CompletedCheckpointRecorder}: before the tasks hear of it, on an
     * I/O thread; throwing fails the checkpoint.
     */
    default void checkpointCompleted(JobGraph job, io.weir.runtime.checkpoint.CompletedCheckpoint checkpoint)
            throws Exception {}

    /** Called once the job ended, whatever its outcome. */
    void afterEnd(JobGraph job);
}
