package io.weir.statebackend.rocksdb;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.runtime.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link AggregatingState} in RocksDB: the accumulator, one entry per key and namespace; without TTL
 * the accumulators used last are changed on the heap and written back later ({@link AccumulatorCache}).
 */
final class RocksDBAggregatingState<K, N, IN, ACC, OUT> extends RocksDBState<K, N, ACC>
        implements AggregatingState<IN, OUT>, InternalMergingState<N> {
    private final AggregateFunction<IN, ACC, OUT> function;

    RocksDBAggregatingState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
            StoredValueCodec<ACC> codec, AggregateFunction<IN, ACC, OUT> function) {
        super(backend, name, column, codec);
        this.function = function;
    }

    @Override
    public OUT get() {
        if (cached()) {
            ACC accumulator = copy(cachedEntry().value);
            return accumulator == null ? null : function.getResult(accumulator);
        }
        ACC accumulator = getCurrent(writeCurrentKey());
        return accumulator == null ? null : function.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        if (cached()) {
            AccumulatorCache.Entry<ACC> entry = cachedEntry();
            int generation = cacheGeneration();
            ACC accumulator = entry.value == null ? function.createAccumulator() : entry.value;
            ACC added = owned(function.add(value, accumulator), value);
            if (cacheGeneration() != generation) { // the function used this state: the entry may be gone
                entry = cachedEntry();
            }
            entry.update(added);
            return;
        }
        int keyLength = writeCurrentKey();
        int builds = backend.keyBuilder().builds();
        ACC accumulator = getCurrent(keyLength);
        putCurrent(keyLength, builds, function.add(value, accumulator == null ? function.createAccumulator() : accumulator));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        evictFromCache(target);
        ACC merged = null;
        for (N source : sources) {
            evictFromCache(source);
            if (source.equals(target)) {
                continue;
            }
            byte[] key = currentKey(source);
            ACC value = getValue(key);
            if (value != null) {
                delete(key);
                merged = merged == null ? value : function.merge(merged, value);
            }
        }
        if (merged != null) {
            byte[] key = currentKey(target);
            ACC current = getValue(key);
            putBytes(key, encode(current == null ? merged : function.merge(current, merged)));
        }
    }
}
