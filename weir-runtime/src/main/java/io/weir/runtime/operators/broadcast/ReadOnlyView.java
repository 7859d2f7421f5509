package io.weir.runtime.operators.broadcast;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.ReadOnlyBroadcastState;
import java.util.Map;

/**
 * A read-only view of a broadcast state, for the non-broadcast side: the view has no way to
 * change the state, so a cast cannot turn it into a writable one.
 */
final class ReadOnlyView<K, V> implements ReadOnlyBroadcastState<K, V> {
    private final BroadcastState<K, V> state;

    ReadOnlyView(BroadcastState<K, V> state) {
        this.state = state;
    }

    @Override
    public V get(K key) throws Exception {
        return state.get(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
        return state.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
        return state.immutableEntries();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("Broadcast state is read-only on the non-broadcast side: "
                + "change it in processBroadcastElement.");
    }
}
