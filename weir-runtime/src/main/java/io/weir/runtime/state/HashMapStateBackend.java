package io.weir.runtime.state;

/**
 * Keeps keyed state as objects on the heap ({@link HeapKeyedStateBackend}): the default
 * ({@code state.backend.type: hashmap}), the fastest, bounded by the task's memory.
 */
public final class HashMapStateBackend implements StateBackend {
    public static final String NAME = "hashmap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <K> AbstractKeyedStateBackend<K> createKeyedStateBackend(KeyedBackendParameters<K> parameters) {
        return new HeapKeyedStateBackend<>(parameters);
    }
}
