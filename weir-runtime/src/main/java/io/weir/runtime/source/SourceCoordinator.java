package io.weir.runtime.source;

import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a source's {@link SplitEnumerator} on the JobMaster and relays between it and the readers.
 *
 * <p>Threading: all calls on the JobMaster's main thread.
 */
final class SourceCoordinator<SplitT extends SourceSplit> implements OperatorCoordinator {
    private final Source<?, SplitT, ?> source;
    private final Context context;
    private final Map<Integer, String> readers = new TreeMap<>();
    private SplitEnumerator<SplitT, ?> enumerator;

    SourceCoordinator(Source<?, SplitT, ?> source, Context context) {
        this.source = source;
        this.context = context;
    }

    @Override
    public void start() throws Exception {
        enumerator = source.createEnumerator(new EnumeratorContext());
        enumerator.start();
    }

    @Override
    public void handleEventFromOperator(int subtask, OperatorEvent event) {
        if (event instanceof SourceEvents.ReaderRegistration r) {
            readers.put(subtask, r.hostname());
            enumerator.addReader(subtask);
        } else if (event instanceof SourceEvents.RequestSplit r) {
            enumerator.handleSplitRequest(subtask, r.hostname());
        } else {
            throw new IllegalArgumentException("Unexpected event for a split enumerator: " + event);
        }
    }

    @Override
    public void close() throws Exception {
        if (enumerator != null) {
            enumerator.close();
        }
    }

    private final class EnumeratorContext implements SplitEnumeratorContext<SplitT> {
        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }

        @Override
        public Map<Integer, String> registeredReaders() {
            return Map.copyOf(readers);
        }

        @Override
        public void assignSplit(SplitT split, int subtask) {
            context.subtasks().sendEvent(subtask, new SourceEvents.AddSplits<>(List.of(split)));
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            context.subtasks().sendEvent(subtask, new SourceEvents.NoMoreSplits());
        }
    }
}
