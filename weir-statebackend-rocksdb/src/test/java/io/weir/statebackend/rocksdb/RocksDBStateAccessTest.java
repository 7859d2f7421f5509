package io.weir.statebackend.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.api.types.serializers.LongSerializer;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.testutils.state.StateBackendHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Value, reducing and aggregating state read values into a reused buffer and write keys and values
 * from shared buffers: values of any size round-trip (the buffer grows), values shrink and grow in
 * place, namespaces stay apart, and a key built while a reduce function runs does not redirect the
 * write.
 */
@Timeout(60)
class RocksDBStateAccessTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 127);

    @TempDir
    Path temporary;
    private StateBackendHarness harness;
    private AbstractKeyedStateBackend<String> backend;

    @BeforeEach
    void create() {
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporary.resolve("local").toString());
        harness = new StateBackendHarness(new EmbeddedRocksDBStateBackend(), config, temporary.resolve("checkpoints"));
        backend = harness.create(ALL, 128, Types.STRING.createSerializer(new SerializerConfig()), () -> 0L);
    }

    @AfterEach
    void dispose() {
        harness.close();
    }

    @Test
    void valuesOfEverySizeRoundTripThroughTheReusedBuffer() throws Exception {
        ValueState<String> state = backend.getPartitionedState(new ValueStateDescriptor<>("text", String.class));
        int[] lengths = {0, 1, 63, 64, 65, 200, 100_000, 3, 70_000, 250_000, 10};
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < lengths.length; i++) {
                backend.setCurrentKey("key-" + i);
                String previous = state.value();
                if (round == 1) {
                    assertEquals("x".repeat(lengths[i]), previous, "key-" + i);
                }
                state.update("x".repeat(lengths[(i + round) % lengths.length])); // then shrinks or grows
                state.update("x".repeat(lengths[i]));
            }
        }
        for (int i = 0; i < lengths.length; i++) {
            backend.setCurrentKey("key-" + i);
            assertEquals(lengths[i], state.value().length());
        }
        backend.setCurrentKey("no value");
        assertNull(state.value());
    }

    @Test
    void reducingAndAggregatingStateKeepNamespacesApart() throws Exception {
        ReducingState<Long> sums = backend.getPartitionedState(1L, LongSerializer.INSTANCE,
                new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
        AggregatingState<String, String> joined = backend.getPartitionedState(1L, LongSerializer.INSTANCE,
                new AggregatingStateDescriptor<>("joined", new Join(), String.class));
        var sumsInternal = (io.weir.runtime.state.InternalKvState<Long>) sums;
        var joinedInternal = (io.weir.runtime.state.InternalKvState<Long>) joined;
        for (int i = 0; i < 3_000; i++) {
            backend.setCurrentKey("key-" + (i % 7));
            sumsInternal.setCurrentNamespace((long) (i % 3));
            joinedInternal.setCurrentNamespace((long) (i % 3));
            sums.add((long) i);
            joined.add(i % 10 == 0 ? "a" : "");
        }
        for (int key = 0; key < 7; key++) {
            backend.setCurrentKey("key-" + key);
            for (long namespace = 0; namespace < 3; namespace++) {
                long expected = 0;
                int as = 0;
                for (int i = 0; i < 3_000; i++) {
                    if (i % 7 == key && i % 3 == namespace) {
                        expected += i;
                        as += i % 10 == 0 ? 1 : 0;
                    }
                }
                sumsInternal.setCurrentNamespace(namespace);
                joinedInternal.setCurrentNamespace(namespace);
                assertEquals(expected, sums.get(), "key-" + key + " in " + namespace);
                assertEquals("a".repeat(as), joined.get(), "key-" + key + " in " + namespace);
            }
        }
    }

    @Test
    void aKeyBuiltWhileTheReduceFunctionRunsDoesNotRedirectTheWrite() throws Exception {
        ValueStateDescriptor<Long> otherDescriptor = new ValueStateDescriptor<>("other", Long.class);
        ReducingState<Long> sums = backend.getPartitionedState(new ReducingStateDescriptor<>("sum", (a, b) -> {
            // reads another state of the same backend in another namespace: builds another key meanwhile
            ValueState<Long> other = backend.getPartitionedState(7L, LongSerializer.INSTANCE, otherDescriptor);
            other.update(a + b + 1_000);
            return a + b;
        }, Long.class));
        backend.setCurrentKey("k");
        sums.add(1L);
        sums.add(2L);
        sums.add(3L);
        assertEquals(6L, sums.get());
        ValueState<Long> other = backend.getPartitionedState(7L, LongSerializer.INSTANCE, otherDescriptor);
        assertEquals(1_006L, other.value());
    }

    /** Concatenates: its accumulator grows past the read buffer's first size. */
    private static final class Join implements AggregateFunction<String, String, String> {
        @Override
        public String createAccumulator() {
            return "";
        }

        @Override
        public String add(String value, String accumulator) {
            return accumulator + value;
        }

        @Override
        public String getResult(String accumulator) {
            return accumulator;
        }

        @Override
        public String merge(String a, String b) {
            return a + b;
        }
    }
}
