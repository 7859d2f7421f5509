package io.weir.api.connector.source;

import java.util.Map;

/** What a {@link SplitEnumerator} can do: see the readers and assign splits to them. */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
    int currentParallelism();

    /** The registered readers by subtask index, with their host names. */
    Map<Integer, String> registeredReaders();

    void assignSplit(SplitT split, int subtask);

    /** Tells a reader it will get no more splits; it ends once its splits are read. */
    void signalNoMoreSplits(int subtask);
}
