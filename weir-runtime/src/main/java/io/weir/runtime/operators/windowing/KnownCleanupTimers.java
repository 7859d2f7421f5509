package io.weir.runtime.operators.windowing;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Remembers, for recently seen keys, one set of windows whose cleanup timers are all registered,
 * so that the next element of the same key in the same windows skips registering them again.
 *
 * <p>Every element registers the cleanup timer of each of its windows, and the default triggers
 * register the same (key, window, time) again; the timer service finds the existing timer and
 * does nothing, but finding it is a hash lookup per window (for sliding windows, {@code size /
 * slide} of them per element). A non-merging assigner hands out the same collection object while
 * elements fall into the same windows (see {@code SlidingWindows} and {@code TumblingWindows}), so
 * "this key, this collection object" identifies a set of windows that an earlier element of the
 * key was added to, with every cleanup timer registered, in one probe.
 *
 * <p>What is remembered stays true until a timer of the operator is deleted or fires (the only
 * ways a registered timer goes away): the operator then calls {@link #forgetAll}, which makes
 * every entry stale at once. An element that deleted or fired a timer while it was processed
 * remembers nothing ({@link #remember} compares the {@link #epoch} its processing started in).
 * A collection made anew for each element (a custom assigner) never matches: the memo then
 * costs one probe per element and saves nothing. Only immutable JDK lists ({@code List.of},
 * {@code List.copyOf}, {@code Collections.singletonList}) are trusted: an assigner may legally
 * refill one mutable collection for every element, and the same object would then hold other windows.
 *
 * <p>A direct-mapped table of {@value #SLOTS} slots: a key whose slot another key took is simply
 * not known, so memory stays bounded whatever the number of keys. Threading: the task's thread only.
 */
final class KnownCleanupTimers {
    static final int SLOTS = 4096;
    private static final Class<?> LIST_OF_ONE = List.of(1).getClass();
    private static final Class<?> LIST_OF_MANY = List.of(1, 2, 3).getClass();
    private static final Class<?> SINGLETON_LIST = Collections.singletonList(1).getClass();

    private final Object[] keys = new Object[SLOTS];
    private final Object[] windowSets = new Object[SLOTS];
    /** The epoch each slot was filled in; 0 means empty, since {@link #epoch} starts at 1. */
    private final long[] epochs = new long[SLOTS];
    private long epoch = 1;

    /** A timer may have been deleted or fired: nothing remembered so far holds any more. */
    void forgetAll() {
        epoch++;
    }

    /** The current epoch, to pass to {@link #remember} after processing an element. */
    long epoch() {
        return epoch;
    }

    /** Whether every window of {@code windows} has its cleanup timer registered for {@code key}. */
    boolean contains(Object key, Collection<?> windows) {
        if (!isImmutable(windows)) {
            return false;
        }
        int i = slot(key);
        return epochs[i] == epoch && windowSets[i] == windows && key.equals(keys[i]);
    }

    /**
     * Records that every window of {@code windows} has its cleanup timer registered for {@code key},
     * unless a timer was deleted or fired since {@code startEpoch}.
     */
    void remember(Object key, Collection<?> windows, long startEpoch) {
        if (startEpoch != epoch || !isImmutable(windows)) {
            return;
        }
        int i = slot(key);
        keys[i] = key;
        windowSets[i] = windows;
        epochs[i] = epoch;
    }

    /** Whether the collection can never hold other windows than it holds now. */
    static boolean isImmutable(Collection<?> windows) {
        Class<?> type = windows.getClass();
        return type == LIST_OF_ONE || type == LIST_OF_MANY || type == SINGLETON_LIST;
    }

    private static int slot(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
