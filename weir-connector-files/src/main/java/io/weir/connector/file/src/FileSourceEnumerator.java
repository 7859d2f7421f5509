package io.weir.connector.file.src;

import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.fs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Hands the splits of a {@link FileSource} to readers, one per request. Bounded: the files are found
 * once, at start, and a reader that asks when none is left is told there are no more. Continuous:
 * a request that finds no split left looks for new files (at most once per monitoring interval);
 * the reader asks again after each interval, and new files are given out as they appear. Files once
 * found are remembered (also in checkpoints) and never read twice.
 *
 * <p>Threading: the coordinator thread only (see {@link SplitEnumerator}).
 */
final class FileSourceEnumerator implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> {
    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final FileDiscovery discovery;
    private final long discoveryIntervalNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<FileSourceSplit> pending = new ArrayDeque<>();
    private final Set<Path> processed = new LinkedHashSet<>();
    private final boolean restored;
    private long lastDiscovery;
    private boolean discoveredOnce;

    /**
     * @param discoveryIntervalNanos how often to look for new files, or 0 for a bounded source
     * @param restoredState what a checkpoint holds, or {@code null} for a fresh start
     */
    FileSourceEnumerator(SplitEnumeratorContext<FileSourceSplit> context, FileDiscovery discovery,
            long discoveryIntervalNanos, LongSupplier nanoClock, PendingSplitsCheckpoint restoredState) {
        this.context = context;
        this.discovery = discovery;
        this.discoveryIntervalNanos = discoveryIntervalNanos;
        this.nanoClock = nanoClock;
        this.restored = restoredState != null;
        if (restoredState != null) {
            pending.addAll(restoredState.getSplits());
            processed.addAll(restoredState.getAlreadyProcessedPaths());
        }
    }

    private boolean continuous() {
        return discoveryIntervalNanos > 0;
    }

    @Override
    public void start() {
        if (!restored) {
            discover();
        }
    }

    private void discover() {
        try {
            pending.addAll(discovery.discover(processed, !continuous()));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        lastDiscovery = nanoClock.getAsLong();
        discoveredOnce = true;
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (pending.isEmpty() && continuous()
                && (!discoveredOnce || nanoClock.getAsLong() - lastDiscovery >= discoveryIntervalNanos)) {
            discover();
        }
        FileSourceSplit split = pending.poll();
        if (split != null) {
            context.assignSplit(split, subtaskId);
        } else if (!continuous()) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            pending.addFirst(splits.get(i));
        }
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public PendingSplitsCheckpoint snapshotState(long checkpointId) {
        return new PendingSplitsCheckpoint(pending, continuous() ? processed : List.of());
    }

    /** The splits not assigned yet (for tests). */
    Collection<FileSourceSplit> pendingSplits() {
        return List.copyOf(pending);
    }

    @Override
    public void close() {}
}
