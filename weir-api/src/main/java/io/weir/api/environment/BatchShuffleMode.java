package io.weir.api.environment;

/**
 * How the tasks of a BATCH job exchange data ({@code execution.batch-shuffle-mode}, as in Flink).
 * Ignored in STREAMING mode, where every exchange is pipelined.
 */
public enum BatchShuffleMode {
    /**
     * Every exchange between tasks is blocking: a producer writes its whole output (in memory within
     * {@code execution.batch-shuffle.memory}, spilled to local files beyond it) before its consumers
     * start reading it. Stages are scheduled one after another, so a job with more tasks than slots
     * runs, and a failed subtask restarts alone. The default.
     */
    ALL_EXCHANGES_BLOCKING,
    /**
     * Every exchange is pipelined, as in STREAMING: all tasks are deployed at once (the job needs its
     * slots all together) and a failure restarts the whole job.
     */
    ALL_EXCHANGES_PIPELINED
}
