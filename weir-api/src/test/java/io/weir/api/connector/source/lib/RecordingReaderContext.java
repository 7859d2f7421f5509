package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.functions.TaskInfo;

/** A reader context for reader tests: one parallel reader; counts its split requests. */
final class RecordingReaderContext implements SourceReaderContext {
    int splitRequests;

    @Override
    public TaskInfo getTaskInfo() {
        return null;
    }

    @Override
    public void sendSplitRequest() {
        splitRequests++;
    }

    @Override
    public int currentParallelism() {
        return 1;
    }
}
