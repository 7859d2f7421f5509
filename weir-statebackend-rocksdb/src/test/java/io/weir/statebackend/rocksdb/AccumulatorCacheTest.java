package io.weir.statebackend.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.api.types.serializers.LongSerializer;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.InternalKvState;
import io.weir.runtime.state.InternalMergingState;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.testutils.state.StateBackendHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accumulator cache of reducing and aggregating state ({@link AccumulatorCache}) against a
 * model: random adds, reads, clears and namespace merges over keys and windows, with checkpoints
 * (full and incremental) restored into fresh backends and older checkpoints restored after later
 * changes, for caches that hold nothing, one entry, a few (evicted all the time) and everything.
 * Every restored backend and every read must equal the model, and so must the entry count.
 */
@Timeout(120)
class AccumulatorCacheTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 127);
    private static final int KEYS = 12;
    private static final long WINDOWS = 5;

    @TempDir
    Path temporary;
    private StateBackendHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private AbstractKeyedStateBackend<String> backend(int cacheEntries, boolean incremental) {
        if (harness == null) {
            Configuration config = new Configuration();
            config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporary.resolve("local").toString());
            config.set(RocksDBOptions.ACCUMULATOR_CACHE_ENTRIES, cacheEntries);
            config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, incremental);
            harness = new StateBackendHarness(new EmbeddedRocksDBStateBackend(), config,
                    temporary.resolve("checkpoints"));
        }
        return harness.create(ALL, 128, Types.STRING.createSerializer(new SerializerConfig()), () -> 0L);
    }

    @ParameterizedTest(name = "cache of {0} entries, incremental {1}, seed {2}")
    @CsvSource({"0, false, 1", "1, false, 2", "3, false, 3", "3, true, 4", "4096, false, 5", "4096, true, 6",
            "7, true, 7"})
    void randomOperationsMatchTheModelAcrossCheckpointsAndRestores(int cacheEntries, boolean incremental, long seed)
            throws Exception {
        Random random = new Random(seed);
        Model model = new Model();
        States states = new States(backend(cacheEntries, incremental));
        List<OperatorSubtaskState> checkpoints = new ArrayList<>();
        List<Model> checkpointed = new ArrayList<>();
        for (int step = 0; step < 2_500; step++) {
            String key = "key-" + random.nextInt(KEYS);
            long window = random.nextInt((int) WINDOWS);
            int operation = random.nextInt(100);
            if (operation < 60) {
                long value = random.nextInt(1_000);
                states.at(key, window).sums.add(value);
                states.aggregates.add(value);
                model.add(key, window, value);
            } else if (operation < 75) {
                states.at(key, window);
                assertEquals(model.sums.get(key + "@" + window), states.sums.get(), "sum of " + key + "@" + window);
                assertEquals(model.result(key, window), states.aggregates.get(), "aggregate of " + key + "@" + window);
            } else if (operation < 82) {
                states.at(key, window).sums.clear();
                states.aggregates.clear();
                model.clear(key, window);
            } else if (operation < 90) {
                long target = random.nextInt((int) WINDOWS);
                List<Long> sources = List.of(window, (window + 1) % WINDOWS, target);
                states.at(key, target).merge(target, sources);
                model.merge(key, target, sources);
            } else if (operation < 93) {
                checkpoints.add(harness.checkpoint(states.backend, checkpoints.size() + 1, random.nextInt(4) == 0));
                checkpointed.add(model.copy());
            } else if (operation < 95 && !checkpoints.isEmpty()) {
                int which = random.nextInt(checkpoints.size());
                states.backend.dispose();
                states = new States(restored(checkpoints.get(which), cacheEntries, incremental));
                model = checkpointed.get(which).copy();
                assertMatches(model, states);
            } else {
                assertEquals(model.entries(), states.backend.numKeyValueStateEntries(), "entries at step " + step);
            }
        }
        assertMatches(model, states);
        OperatorSubtaskState last = harness.checkpoint(states.backend, checkpoints.size() + 1, false);
        assertMatches(model, new States(restored(last, cacheEntries, incremental)));
    }

    @Test
    void aValueHandedInOrReadOutIsNotTheCachedObject() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(16, false);
        // returns its second argument, which the caller changes afterwards (object reuse)
        ReducingState<Counter> counts = backend.getPartitionedState(new ReducingStateDescriptor<>("counts", (a, b) -> {
            b.n += a.n;
            return b;
        }, Counter.class));
        backend.setCurrentKey("k");
        Counter reused = new Counter();
        for (int i = 1; i <= 3; i++) {
            reused.n = i;
            counts.add(reused);
        }
        reused.n = -100;
        Counter read = counts.get();
        assertEquals(6, read.n);
        read.n = 12_345;
        assertEquals(6, counts.get().n);
        OperatorSubtaskState checkpoint = harness.checkpoint(backend, 1, false);
        AbstractKeyedStateBackend<String> restored = restored(checkpoint, 16, false);
        restored.setCurrentKey("k");
        assertEquals(6, restored.getPartitionedState(new ReducingStateDescriptor<>("counts", (a, b) -> a,
                Counter.class)).get().n);
    }

    @Test
    void aReduceFunctionThatFillsTheCacheStillKeepsItsResult() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(1, false);
        ReducingStateDescriptor<Long> otherDescriptor = new ReducingStateDescriptor<>("other", Long::sum, Long.class);
        boolean[] inside = new boolean[1];
        ReducingStateDescriptor<Long> sumsDescriptor = new ReducingStateDescriptor<>("sums", (a, b) -> {
            if (!inside[0]) {
                // adds to this state in another namespace: with room for one entry the cache is emptied meanwhile
                inside[0] = true;
                ReducingState<Long> same = backend.getPartitionedState(99L, LongSerializer.INSTANCE,
                        new ReducingStateDescriptor<>("sums", Long::sum, Long.class));
                same.add(1L);
                ((InternalKvState<Long>) same).setCurrentNamespace(0L);
                backend.getPartitionedState(otherDescriptor).add(b);
                inside[0] = false;
            }
            return a + b;
        }, Long.class);
        ReducingState<Long> sums = backend.getPartitionedState(0L, LongSerializer.INSTANCE, sumsDescriptor);
        backend.setCurrentKey("k");
        sums.add(5L);
        sums.add(7L);
        sums.add(11L);
        assertEquals(23L, sums.get());
        ((InternalKvState<Long>) sums).setCurrentNamespace(99L);
        assertEquals(2L, sums.get());
        OperatorSubtaskState checkpoint = harness.checkpoint(backend, 1, false);
        AbstractKeyedStateBackend<String> restored = restored(checkpoint, 1, false);
        restored.setCurrentKey("k");
        assertEquals(23L, restored.getPartitionedState(0L, LongSerializer.INSTANCE, sumsDescriptor).get());
        assertEquals(18L, restored.getPartitionedState(otherDescriptor).get());
    }

    @Test
    void aNegativeCacheSizeIsRejectedNamingTheOption() {
        Configuration config = new Configuration();
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> config.set(RocksDBOptions.ACCUMULATOR_CACHE_ENTRIES, -1));
        assertTrue(e.getMessage().contains("state.backend.rocksdb.accumulator-cache.entries"), e.getMessage());
    }

    private AbstractKeyedStateBackend<String> restored(OperatorSubtaskState checkpoint, int cacheEntries,
            boolean incremental) {
        AbstractKeyedStateBackend<String> fresh = backend(cacheEntries, incremental);
        StateBackendHarness.restore(fresh, checkpoint);
        return fresh;
    }

    private static void assertMatches(Model model, States states) throws Exception {
        for (int k = 0; k < KEYS; k++) {
            String key = "key-" + k;
            for (long window = 0; window < WINDOWS; window++) {
                states.at(key, window);
                assertEquals(model.sums.get(key + "@" + window), states.sums.get(), "restored sum of " + key + "@" + window);
                assertEquals(model.result(key, window), states.aggregates.get(), "restored aggregate of " + key);
            }
        }
        assertEquals(model.entries(), states.backend.numKeyValueStateEntries());
    }

    /** The two states of one backend, both in the namespace last set with {@link #at}. */
    @SuppressWarnings("unchecked")
    private static final class States {
        final AbstractKeyedStateBackend<String> backend;
        final ReducingState<Long> sums;
        final AggregatingState<Long, String> aggregates;

        States(AbstractKeyedStateBackend<String> backend) {
            this.backend = backend;
            this.sums = backend.getPartitionedState(0L, LongSerializer.INSTANCE,
                    new ReducingStateDescriptor<>("sums", Long::sum, Long.class));
            this.aggregates = backend.getPartitionedState(0L, LongSerializer.INSTANCE,
                    new AggregatingStateDescriptor<>("aggregates", new SumAndCount(), Accumulator.class));
        }

        States at(String key, long window) {
            backend.setCurrentKey(key);
            ((InternalKvState<Long>) sums).setCurrentNamespace(window);
            ((InternalKvState<Long>) aggregates).setCurrentNamespace(window);
            return this;
        }

        void merge(long target, List<Long> sources) throws Exception {
            ((InternalMergingState<Long>) sums).mergeNamespaces(target, sources);
            ((InternalMergingState<Long>) aggregates).mergeNamespaces(target, sources);
        }
    }

    /** What the states must hold: sums and (sum, count) by "key@window". */
    private static final class Model {
        final Map<String, Long> sums = new HashMap<>();
        final Map<String, long[]> aggregates = new HashMap<>();

        void add(String key, long window, long value) {
            sums.merge(key + "@" + window, value, Long::sum);
            long[] acc = aggregates.computeIfAbsent(key + "@" + window, k -> new long[2]);
            acc[0] += value;
            acc[1]++;
        }

        String result(String key, long window) {
            long[] acc = aggregates.get(key + "@" + window);
            return acc == null ? null : acc[0] + "/" + acc[1];
        }

        void clear(String key, long window) {
            sums.remove(key + "@" + window);
            aggregates.remove(key + "@" + window);
        }

        void merge(String key, long target, List<Long> sources) {
            for (long source : sources) {
                if (source == target) {
                    continue;
                }
                Long sum = sums.remove(key + "@" + source);
                if (sum != null) {
                    sums.merge(key + "@" + target, sum, Long::sum);
                }
                long[] acc = aggregates.remove(key + "@" + source);
                if (acc != null) {
                    long[] into = aggregates.computeIfAbsent(key + "@" + target, k -> new long[2]);
                    into[0] += acc[0];
                    into[1] += acc[1];
                }
            }
        }

        int entries() {
            return sums.size() + aggregates.size();
        }

        Model copy() {
            Model copy = new Model();
            copy.sums.putAll(sums);
            aggregates.forEach((k, v) -> copy.aggregates.put(k, v.clone()));
            return copy;
        }
    }

    /** A mutable accumulator, changed in place by {@link SumAndCount#add}. */
    public static final class Accumulator {
        public long sum;
        public long count;
    }

    /** Sums and counts in place; its result is "sum/count". */
    private static final class SumAndCount implements AggregateFunction<Long, Accumulator, String> {
        @Override
        public Accumulator createAccumulator() {
            return new Accumulator();
        }

        @Override
        public Accumulator add(Long value, Accumulator accumulator) {
            accumulator.sum += value;
            accumulator.count++;
            return accumulator;
        }

        @Override
        public String getResult(Accumulator accumulator) {
            return accumulator.sum + "/" + accumulator.count;
        }

        @Override
        public Accumulator merge(Accumulator a, Accumulator b) {
            a.sum += b.sum;
            a.count += b.count;
            return a;
        }
    }

    /** A mutable count. */
    public static final class Counter {
        public long n;
    }
}
