package io.weir.connector.mqtt.source;

import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Hands each topic filter's split to a reader: split {@code i} of the source goes to subtask
 * {@code i mod parallelism} once that reader has registered, and a failed reader's splits go back to
 * the pending list and out again. The set of splits is fixed when the job first starts (a restored
 * job keeps the client ids in its checkpoint). The source is unbounded: readers are never told that
 * no more splits will come, and a reader without a split stays idle.
 *
 * <p>Threading: called on the coordinator's one thread only.
 */
final class MqttSplitEnumerator implements SplitEnumerator<MqttTopicSplit, List<MqttTopicSplit>> {
    private final SplitEnumeratorContext<MqttTopicSplit> context;
    private final List<MqttTopicSplit> pending;

    MqttSplitEnumerator(SplitEnumeratorContext<MqttTopicSplit> context, List<MqttTopicSplit> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<MqttTopicSplit> splits, int subtaskId) {
        pending.addAll(splits);
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    private void assignPending() {
        int parallelism = context.currentParallelism();
        Iterator<MqttTopicSplit> splits = pending.iterator();
        while (splits.hasNext()) {
            MqttTopicSplit split = splits.next();
            int owner = split.index() % parallelism;
            if (context.registeredReaders().containsKey(owner)) {
                context.assignSplit(split, owner);
                splits.remove();
            }
        }
    }

    @Override
    public List<MqttTopicSplit> snapshotState(long checkpointId) {
        return List.copyOf(pending);
    }

    @Override
    public void close() {}
}
