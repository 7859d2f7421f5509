package io.weir.connector.jdbc;

import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.functions.TaskInfo;

/** The context of a writer created outside a job, for tests that drive a writer step by step: subtask 0 of 1. */
final class WriterContextForTest implements WriterInitContext {
    @Override
    public TaskInfo getTaskInfo() {
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return "test sink";
            }

            @Override
            public String getTaskNameWithSubtasks() {
                return "test sink (1/1)#0";
            }

            @Override
            public int getIndexOfThisSubtask() {
                return 0;
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return 1;
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return 128;
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }
}
