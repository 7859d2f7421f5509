package io.weir.api.connector.sink;

import io.weir.api.functions.TaskInfo;

/** What a committer learns when it is created: which subtask it serves. */
public interface CommitterInitContext {
    TaskInfo getTaskInfo();
}
