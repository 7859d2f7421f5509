package io.weir.runtime.operators.windowing;

import io.weir.api.state.ValueState;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of one key under a merging assigner (sessions), each mapped to its <em>state
 * window</em>: the namespace its contents and trigger state are kept in. When windows merge, the
 * result keeps the state window of one of them, so only the others' state has to move into it,
 * and timers registered for the state window stay valid.
 *
 * <p>{@link #load} reads the mapping of the current key, {@link #persist} writes it back. One
 * instance serves all keys of the operator. Threading: the task's thread only.
 */
final class MergingWindowSet<W extends Window> {
    private final MergingWindowAssigner<?, W> assigner;
    private final ValueState<HashMap<W, W>> state;
    private HashMap<W, W> mapping;
    private boolean changed;

    MergingWindowSet(MergingWindowAssigner<?, W> assigner, ValueState<HashMap<W, W>> state) {
        this.assigner = assigner;
        this.state = state;
    }

    /** Reads the windows of the current key. */
    void load() throws Exception {
        HashMap<W, W> stored = state.value();
        mapping = stored == null ? new HashMap<>() : stored;
        changed = false;
    }

    /** Writes the windows of the current key back if they changed. */
    void persist() throws Exception {
        if (changed) {
            state.update(mapping.isEmpty() ? null : mapping);
            changed = false;
        }
    }

    /** The namespace of {@code window}'s state, or {@code null} if the window is not (or no longer) in the set. */
    W getStateWindow(W window) {
        return mapping.get(window);
    }

    /** Removes a window that was dropped (after firing and cleanup, or late on arrival). */
    void retireWindow(W window) {
        if (mapping.remove(window) == null) {
            throw new IllegalStateException("Window " + window + " is not in the merging window set.");
        }
        changed = true;
    }

    Collection<W> windows() {
        return mapping.keySet();
    }

    /**
     * Adds {@code newWindow}, merging it and existing windows as the assigner says, and returns the
     * window it ended up in: itself, or the result of a merge. {@code mergeFunction} is told about
     * each merge of existing windows so it can merge their trigger state, timers and contents.
     */
    W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
        List<W> windows = new ArrayList<>(mapping.size() + 1);
        windows.addAll(mapping.keySet());
        windows.add(newWindow);
        Map<W, List<W>> merges = new LinkedHashMap<>();
        assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> merges.put(mergeResult, new ArrayList<>(toBeMerged)));

        W resultWindow = newWindow;
        boolean newWindowMerged = false;
        for (Map.Entry<W, List<W>> merge : merges.entrySet()) {
            W mergeResult = merge.getKey();
            List<W> mergedWindows = merge.getValue();
            if (mergedWindows.remove(newWindow)) {
                newWindowMerged = true;
                resultWindow = mergeResult;
            }
            // The result keeps the state window of one merged window; the others' state moves into it.
            W resultStateWindow = mapping.get(mergedWindows.get(0));
            List<W> mergedStateWindows = new ArrayList<>(mergedWindows.size());
            for (W mergedWindow : mergedWindows) {
                W stateWindow = mapping.remove(mergedWindow);
                if (stateWindow != null && !stateWindow.equals(resultStateWindow)) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, resultStateWindow);
            changed = true;
            // A new window that falls inside one existing window merges nothing that exists.
            if (!(mergedWindows.size() == 1 && mergedWindows.contains(mergeResult))) {
                mergeFunction.merge(mergeResult, mergedWindows, resultStateWindow, mergedStateWindows);
            }
        }
        if (!newWindowMerged) {
            mapping.put(newWindow, newWindow);
            changed = true;
        }
        return resultWindow;
    }

    /** What the operator does when existing windows merge. */
    interface MergeFunction<W> {
        /**
         * {@code mergedWindows} (existing windows, not the new one) became {@code mergeResult},
         * whose state lives in {@code stateWindowResult}; the state of {@code mergedStateWindows}
         * must be merged into it.
         */
        void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
                throws Exception;
    }

    @Override
    public String toString() {
        return "MergingWindowSet" + mapping;
    }
}
