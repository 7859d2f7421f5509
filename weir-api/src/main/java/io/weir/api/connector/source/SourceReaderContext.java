package io.weir.api.connector.source;

import io.weir.api.functions.TaskInfo;

/** What a {@link SourceReader} can do beside reading: ask for splits and learn who it is. */
public interface SourceReaderContext {
    TaskInfo getTaskInfo();

    /** Asks the enumerator for a split; it answers with {@link SourceReader#addSplits} or no-more-splits. */
    void sendSplitRequest();

    int currentParallelism();
}
