package io.weir.runtime.state;

import java.util.Collection;

/**
 * A list, reducing or aggregating state whose values in several namespaces can be combined, as
 * when session windows merge: lists are concatenated, reduced values reduced, accumulators merged.
 */
public interface InternalMergingState<N> extends InternalKvState<N> {
    /**
     * For the current key, combines the values of {@code sources} into {@code target} and removes
     * them from the sources; empty sources are skipped and {@code target} among them is ignored.
     */
    void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
