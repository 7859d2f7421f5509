package io.weir.runtime.state;

import java.util.ArrayList;
import java.util.function.UnaryOperator;

/**
 * Removes expired state a few entries at a time, walking the state table key group by key group,
 * so expired state of keys that are never accessed again does not stay forever. The pruner gets a
 * stored entry and returns it unchanged, a pruned copy, or {@code null} if nothing is left.
 *
 * <p>Threading: the task's thread only.
 */
final class TtlIncrementalCleanup {
    private final StateTable<Object, Object, Object> table;
    private final int cleanupSize;
    private UnaryOperator<Object> pruner;
    /** Alternating namespace and key of the entries of {@link #group} still to check. */
    private final ArrayList<Object> pending = new ArrayList<>();
    private int position;
    private int group = -1;

    @SuppressWarnings("unchecked")
    TtlIncrementalCleanup(StateTable<?, ?, ?> table, int cleanupSize) {
        this.table = (StateTable<Object, Object, Object>) table;
        this.cleanupSize = cleanupSize;
    }

    void setPruner(UnaryOperator<Object> pruner) {
        this.pruner = pruner;
    }

    /** Checks up to {@code cleanupSize} entries, continuing where the last run stopped. */
    void run() {
        int budget = cleanupSize;
        int groupsLoaded = 0;
        while (budget > 0) {
            if (position >= pending.size()) {
                if (groupsLoaded++ > table.numKeyGroups()) {
                    return; // the whole table is empty
                }
                pending.clear();
                position = 0;
                group = (group + 1) % table.numKeyGroups();
                table.entriesOf(group, pending);
                continue;
            }
            Object namespace = pending.get(position++);
            Object key = pending.get(position++);
            int keyGroup = table.firstKeyGroup() + group;
            Object stored = table.get(key, keyGroup, namespace);
            if (stored != null) {
                Object pruned = pruner.apply(stored);
                if (pruned == null) {
                    table.remove(key, keyGroup, namespace);
                } else if (pruned != stored) {
                    table.put(key, keyGroup, namespace, pruned);
                }
            }
            budget--;
        }
    }
}
