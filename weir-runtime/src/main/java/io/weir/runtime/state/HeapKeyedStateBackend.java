package io.weir.runtime.state;

import io.weir.api.configuration.Configuration;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keyed state kept as objects on the heap, organised by key group. Values are stored as given
 * (no copy on read or write), as on other heap backends: a value changed after {@code update}
 * changes the state too.
 *
 * <h2>Snapshots</h2>
 * {@link #snapshot} writes every registered state and every timer service into one byte array per
 * key group ({@link KeyGroupsWriter}). {@link #restore} takes the key groups this backend owns out
 * of a checkpoint; each state is read back into its table when the operator registers it again
 * (with the serializer check of {@link RegisteredKeyedState#restore}), each timer service when the
 * operator asks for it. Restored state that is never registered again is kept in later snapshots.
 *
 * <p>Threading: used by the task's thread only.
 */
public final class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {
    private final Map<String, HeapState<K, ?, ?>> states = new HashMap<>();
    /** The registered states in registration order, as they are snapshotted. */
    private final Map<String, RegisteredKeyedState<K>> registered = new LinkedHashMap<>();
    private final Map<String, StateDescriptor<?, ?>> descriptors = new HashMap<>();
    /** What users get for each state: the heap state itself, or its TTL decorator. */
    private final Map<String, State> facades = new HashMap<>();
    private final List<TtlIncrementalCleanup> perRecordCleanups = new ArrayList<>();

    public HeapKeyedStateBackend(KeyedBackendParameters<K> parameters) {
        super(parameters);
    }

    /**
     * @param keySerializer writes the keys into snapshots; {@code null} when the key type is
     *     unknown, which makes {@link #snapshot} fail
     */
    public HeapKeyedStateBackend(String operatorName, int subtaskIndex, int maxParallelism,
            KeyGroupRange keyGroupRange, SerializerConfig serializerConfig, TypeSerializer<K> keySerializer) {
        this(new KeyedBackendParameters<>(operatorName, subtaskIndex, maxParallelism, keyGroupRange, serializerConfig,
                keySerializer, new Configuration()));
    }

    @Override
    protected void onKeyChanged() {
        for (int i = 0; i < perRecordCleanups.size(); i++) {
            perRecordCleanups.get(i).run();
        }
    }

    /**
     * Drops every value of the current key, in every state and namespace: BATCH execution feeds a
     * keyed operator one key after another and drops a key's state once the key is done, so state
     * never holds more than one key.
     */
    public void dropCurrentKey() {
        K key = getCurrentKey();
        if (key == null) {
            return;
        }
        int keyGroup = currentKeyGroup();
        for (HeapState<K, ?, ?> state : states.values()) {
            state.table().removeKey(key, keyGroup);
        }
    }

    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
        return getPartitionedState(descriptor, VoidNamespaceSerializer.INSTANCE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State> S getPartitionedState(N namespace, TypeSerializer<N> namespaceSerializer,
            StateDescriptor<S, ?> descriptor) {
        S state = getPartitionedState(descriptor, namespaceSerializer);
        ((InternalKvState<N>) state).setCurrentNamespace(namespace);
        return state;
    }

    @SuppressWarnings("unchecked")
    private <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor,
            TypeSerializer<?> namespaceSerializer) {
        HeapState<K, ?, ?> existing = states.get(descriptor.getName());
        if (existing != null) {
            StateDescriptor<?, ?> previous = descriptors.get(descriptor.getName());
            if (previous.getType() != descriptor.getType()) {
                throw new IllegalStateException("State '" + descriptor.getName() + "' of operator '" + operatorName
                        + "' was registered as " + previous.getType() + " state and is now requested as "
                        + descriptor.getType() + " state. Use a different name for each state.");
            }
            registered.get(descriptor.getName()).useNamespaceSerializer(namespaceSerializer);
            return (S) facades.get(descriptor.getName());
        }
        HeapState<K, ?, ?> state = create(descriptor);
        RegisteredKeyedState<K> registration = new RegisteredKeyedState<>(operatorName, descriptor, state,
                StoredValueFormat.of(descriptor, serializerConfig), keySerializer);
        registration.useNamespaceSerializer(namespaceSerializer);
        RestoredKeyGroups.Restored restoredState = takeRestoredState(descriptor.getName());
        if (restoredState != null) {
            try {
                registration.restore(restoredState);
            } catch (IOException e) {
                throw new UncheckedIOException("The checkpointed values of state '" + descriptor.getName()
                        + "' of operator '" + operatorName + "' are unreadable: " + e.getMessage(), e);
            }
        }
        states.put(descriptor.getName(), state);
        descriptors.put(descriptor.getName(), descriptor);
        registered.put(descriptor.getName(), registration);
        State facade = descriptor.getTtlConfig().isEnabled() ? withTtl(descriptor, state, registration) : (State) state;
        facades.put(descriptor.getName(), facade);
        return (S) facade;
    }

    /** Restores the key groups of {@code keyGroups} that this backend owns (see {@link #restore(Map, List)}). */
    public void restore(Map<Integer, byte[]> keyGroups) {
        restore(keyGroups, List.of());
    }

    @Override
    protected boolean hasRegisteredState() {
        return !states.isEmpty();
    }

    /**
     * Writes all keyed state and timers, as they are now, into one byte array per key group (groups
     * without state are left out). Synchronous: the result does not change with the state afterwards.
     */
    public Map<Integer, byte[]> snapshot() {
        return writeKeyGroups(stateSections(), numKeyValueStateEntries() > 0);
    }

    /**
     * The heap backend writes every checkpoint in the canonical key-group format. The snapshot is
     * taken here, on the task's thread, by capturing the state tables (copy on write, see
     * {@link StateTable}) and writing the timers; the state's bytes are written when the result's key
     * groups are first read, by the checkpoint I/O thread.
     */
    @Override
    public KeyedStateSnapshot snapshot(long checkpointId, boolean canonical) {
        return new KeyedStateSnapshot(deferredKeyGroups(stateSections(), numKeyValueStateEntries() > 0), null);
    }

    private List<KeyGroupsWriter.Section> stateSections() {
        List<KeyGroupsWriter.Section> sections = new ArrayList<>(registered.size());
        for (RegisteredKeyedState<K> state : registered.values()) {
            sections.add(state.snapshotSection());
        }
        return sections;
    }

    /**
     * Wraps a heap state that stores {@link TtlValue}s (created for a TTL descriptor) into the TTL
     * state of the descriptor's kind, with its incremental cleanup.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private State withTtl(StateDescriptor<?, ?> descriptor, HeapState<K, ?, ?> state,
            RegisteredKeyedState<K> registration) {
        StateTtlConfig config = descriptor.getTtlConfig();
        StateTtlConfig.IncrementalCleanupStrategy incremental =
                config.getCleanupStrategies().getIncrementalCleanupStrategy();
        TtlIncrementalCleanup cleanup = incremental == null ? null
                : new TtlIncrementalCleanup(state.table(), incremental.getCleanupSize());
        TtlPolicy policy = new TtlPolicy(config, ttlClock(), cleanup);
        UnaryOperator<Object> pruner;
        switch (descriptor.getType()) {
            case LIST:
                pruner = stored -> TtlListState.prune(stored, policy, policy.now());
                break;
            case MAP:
                pruner = stored -> TtlMapState.prune(stored, policy, policy.now());
                break;
            default:
                pruner = stored -> TtlSingleValue.prune(stored, policy, policy.now());
        }
        setPruner(cleanup, pruner);
        if (config.getCleanupStrategies().inFullSnapshot()) {
            registration.leaveOutExpired(pruner);
        }
        if (incremental != null && incremental.runCleanupForEveryRecord()) {
            perRecordCleanups.add(cleanup);
        }
        switch (descriptor.getType()) {
            case VALUE:
                return new TtlValueState<>((HeapValueState) state, policy);
            case LIST:
                return new TtlListState<>((HeapListState) state, policy);
            case MAP:
                return new TtlMapState<>((HeapMapState) state, policy);
            case REDUCING:
                return new TtlReducingState<>((HeapValueState) state, policy,
                        ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new TtlAggregatingState<>((HeapValueState) state, policy,
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new IllegalArgumentException("Unknown state type " + descriptor.getType());
        }
    }

    private static void setPruner(TtlIncrementalCleanup cleanup, UnaryOperator<Object> pruner) {
        if (cleanup != null) {
            cleanup.setPruner(pruner);
        }
    }

    private HeapState<K, ?, ?> create(StateDescriptor<?, ?> descriptor) {
        KeyGroupRange range = keyGroupRange;
        if (descriptor.getTtlConfig().isEnabled()) {
            // TTL states keep TtlValues: one per key for the single-value kinds, per element or entry otherwise
            switch (descriptor.getType()) {
                case LIST:
                    return new HeapListState<>(this, new StateTable<>(range));
                case MAP:
                    return new HeapMapState<>(this, new StateTable<>(range));
                default:
                    return new HeapValueState<>(this, new StateTable<>(range));
            }
        }
        switch (descriptor.getType()) {
            case VALUE:
                return new HeapValueState<>(this, new StateTable<>(range));
            case LIST:
                return new HeapListState<>(this, new StateTable<>(range));
            case MAP:
                return new HeapMapState<>(this, new StateTable<>(range));
            case REDUCING:
                return new HeapReducingState<>(this, new StateTable<>(range),
                        ((ReducingStateDescriptor<?>) descriptor).getReduceFunction());
            case AGGREGATING:
                return new HeapAggregatingState<>(this, new StateTable<>(range),
                        ((AggregatingStateDescriptor<?, ?, ?>) descriptor).getAggregateFunction());
            default:
                throw new IllegalArgumentException("Unknown state type " + descriptor.getType());
        }
    }

    @Override
    public int numKeyValueStateEntries() {
        int n = 0;
        for (HeapState<K, ?, ?> state : states.values()) {
            n += state.table().size();
        }
        return n;
    }

    /** The keys that have a value in the named state. */
    @Override
    @SuppressWarnings("unchecked")
    public List<K> getKeys(String stateName) {
        HeapState<K, ?, ?> state = states.get(stateName);
        return state == null ? List.of() : ((StateTable<K, Object, ?>) state.table()).keys(VoidNamespace.INSTANCE);
    }

}
