package io.weir.runtime.state;

/**
 * A kind of keyed state backend, chosen by {@code state.backend.type}: creates the keyed state
 * backend of each keyed operator subtask. The runtime brings {@code hashmap}
 * ({@link HashMapStateBackend}); other modules add theirs through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.weir.runtime.state.StateBackend} entry), so the runtime does not
 * depend on them: {@code weir-statebackend-rocksdb} adds {@code rocksdb}.
 *
 * <p>Threading: {@link #createKeyedStateBackend} is called on the thread of the task that will
 * use the backend; implementations are stateless.
 */
public interface StateBackend {
    /** The value of {@code state.backend.type} that selects this backend, in lower case. */
    String name();

    <K> AbstractKeyedStateBackend<K> createKeyedStateBackend(KeyedBackendParameters<K> parameters);
}
