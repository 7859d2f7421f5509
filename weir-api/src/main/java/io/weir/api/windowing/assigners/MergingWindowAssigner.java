package io.weir.api.windowing.assigners;

import io.weir.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows can grow together, such as sessions: windows that overlap are merged into one. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Finds the windows among {@code windows} that must be merged and reports each merge to {@code callback}. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives the merges found by {@link #mergeWindows}. */
    public interface MergeCallback<W> {
        /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
