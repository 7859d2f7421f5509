package io.weir.runtime.source;

import io.weir.api.connector.source.SourceSplit;
import io.weir.runtime.coordination.OperatorEvent;
import java.util.List;

/** The events between source readers and their split enumerator. */
final class SourceEvents {
    private SourceEvents() {}

    /** A reader started and wants splits. */
    record ReaderRegistration(String hostname) implements OperatorEvent {}

    /** A reader asks for a split. */
    record RequestSplit(String hostname) implements OperatorEvent {}

    /** Splits for a reader. */
    record AddSplits<SplitT extends SourceSplit>(List<SplitT> splits) implements OperatorEvent {}

    /** The reader will get no more splits. */
    record NoMoreSplits() implements OperatorEvent {}
}
