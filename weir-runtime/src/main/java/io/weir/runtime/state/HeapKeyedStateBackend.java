package io.weir.runtime.state;

import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.VoidNamespace;
import io.weir.api.types.SerializerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keyed state kept as objects on the heap, organised by key group. Values are stored as given
 * (no copy on read or write), as on other heap backends: a value changed after {@code update}
 * changes the state too.
 *
 * <p>Threading: used by the task's thread only.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final String operatorName;
    private final int subtaskIndex;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final SerializerConfig serializerConfig;
    private final Map<String, HeapState<K, ?, ?>> states = new HashMap<>();
    private final Map<String, StateDescriptor<?, ?>> descriptors = new HashMap<>();
    /** What users get for each state: the heap state itself, or its TTL decorator. */
    private final Map<String, State> facades = new HashMap<>();
    private final List<TtlIncrementalCleanup> perRecordCleanups = new ArrayList<>();
    private LongSupplier ttlClock = System::currentTimeMillis;
    private K currentKey;
    private int currentKeyGroup = -1;

    public HeapKeyedStateBackend(String operatorName, int subtaskIndex, int maxParallelism,
            KeyGroupRange keyGroupRange, SerializerConfig serializerConfig) {
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        this.serializerConfig = serializerConfig;
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key '" + key + "' in operator '" + operatorName + "' belongs to key group "
                    + keyGroup + ", which subtask " + subtaskIndex + " does not own (it owns " + keyGroupRange.start()
                    + ".." + keyGroupRange.end() + "). The KeySelector must return the same key for the same element "
                    + "every time, and the key's hashCode() must be stable (not identity-based).");
        }
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
        for (int i = 0; i < perRecordCleanups.size(); i++) {
            perRecordCleanups.get(i).run();
        }
    }

    /** The clock state TTL is measured on: the task's processing time (a manual clock in harnesses). */
    public void setTtlTimeProvider(LongSupplier clock) {
        this.ttlClock = clock;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    int currentKeyGroup() {
        if (currentKeyGroup < 0) {
            throw new IllegalStateException("Keyed state of operator '" + operatorName
                    + "' was used outside of the processing of an element: no key is set.");
        }
        return currentKeyGroup;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
        HeapState<K, ?, ?> existing = states.get(descriptor.getName());
        if (existing != null) {
            StateDescriptor<?, ?> previous = descriptors.get(descriptor.getName());
            if (previous.getType() != descriptor.getType()) {
                throw new IllegalStateException("State '" + descriptor.getName() + "' of operator '" + operatorName
                        + "' was registered as " + previous.getType() + " state and is now requested as "
                        + descriptor.getType() + " state. Use a different name for each state.");
            }
            return (S) facades.get(descriptor.getName());
        }
        HeapState<K, ?, ?> state = create(descriptor);
        states.put(descriptor.getName(), state);
        descriptors.put(descriptor.getName(), descriptor);
        State facade = descriptor.getTtlConfig().isEnabled() ? withTtl(descriptor, state) : (State) state;
        facades.put(descriptor.getName(), facade);
        return (S) facade;
    }

    /**
     * Wraps a heap state that stores {@link TtlValue}s (created for a TTL descriptor) into the TTL
     * state of the descriptor's kind, with its incremental cleanup.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private State withTtl(StateDescriptor<?, ?> descriptor, HeapState<K, ?, ?> state) {
        StateTtlConfig config = descriptor.getTtlConfig();
        StateTtlConfig.IncrementalCleanupStrategy incremental =
                config.getCleanupStrategies().getIncrementalCleanupStrategy();
        TtlIncrementalCleanup cleanup = incremental == null ? null
                : new TtlIncrementalCleanup(state.table(), incremental.getCleanupSize());
        TtlPolicy policy = new TtlPolicy(config, () -> ttlClock.getAsLong(), cleanup);
        switch (descriptor.getType()) {
            case LIST:
                setPruner(cleanup, stored -> TtlListState.prune(stored, policy, policy.now()));
                break;
            case MAP:
                setPruner(cleanup, stored -> TtlMapState.prune(stored, policy, policy.now()));
                break;
            default:
                setPruner(cleanup, stored -> TtlSingleValue.prune(stored, policy, policy.now()));
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

    private static void setPruner(TtlIncrementalCleanup cleanup, java.util.function.UnaryOperator<Object> pruner) {
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

    SerializerConfig serializerConfig() {
        return serializerConfig;
    }
}
