package io.weir.api.connector.sink;

import io.weir.api.functions.TaskInfo;

/** What a sink writer learns when it is created: which subtask it serves. */
public interface WriterInitContext {
    TaskInfo getTaskInfo();

    ClassLoader getUserCodeClassLoader();
}
