package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Window state remembers per key group the namespace it looked up last and that namespace's map
 * ({@link StateTable}): whatever the order of adds, clears, merges and snapshots, it reads and writes
 * what a plain map of (key, window) would, and a snapshot keeps what it saw.
 */
class WindowStateLookupTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();
    private static final TypeSerializer<String> STRINGS = Types.STRING.createSerializer(CONFIG);

    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>("windows", 0, 128,
            new KeyGroupRange(0, 127), CONFIG, STRINGS);
    private final ReducingState<Long> sums = backend.getPartitionedState("w0", STRINGS,
            new ReducingStateDescriptor<>("sums", Long::sum, Long.class));
    private final Map<String, Long> model = new HashMap<>();

    @SuppressWarnings("unchecked")
    private InternalMergingState<String> merging() {
        return (InternalMergingState<String>) sums;
    }

    private void use(String key, String window) throws Exception {
        backend.setCurrentKey(key);
        merging().setCurrentNamespace(window);
    }

    @Test
    void randomAddsClearsAndMergesReadWhatAPlainMapHolds() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int step = 0; step < 200_000; step++) {
            String key = "k" + random.nextInt(300); // a few keys per key group
            String window = "w" + random.nextInt(4);
            use(key, window);
            int op = random.nextInt(10);
            if (op < 6) {
                long value = random.nextInt(100) + 1;
                sums.add(value);
                model.merge(key + "|" + window, value, Long::sum);
            } else if (op < 8) {
                sums.clear(); // may drop the window's last key: its map goes
                model.remove(key + "|" + window);
            } else if (op < 9) {
                String other = "w" + random.nextInt(4);
                merging().mergeNamespaces(window, List.of(other));
                Long moved = window.equals(other) ? null : model.remove(key + "|" + other);
                if (moved != null) {
                    model.merge(key + "|" + window, moved, Long::sum);
                }
            }
            assertEquals(model.get(key + "|" + window), sums.get(), "step " + step + ": " + key + " in " + window);
        }
        for (int k = 0; k < 300; k++) {
            for (int w = 0; w < 4; w++) {
                use("k" + k, "w" + w);
                assertEquals(model.get("k" + k + "|w" + w), sums.get(), "k" + k + " in w" + w);
            }
        }
    }

    @Test
    void aSnapshotKeepsWhatItSawWhileTheTaskGoesOnInTheSameWindows() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 5_000; i++) {
                use("k" + random.nextInt(500), "w" + random.nextInt(3));
                if (random.nextInt(5) == 0) {
                    sums.clear();
                } else {
                    sums.add((long) random.nextInt(100));
                }
            }
            Map<Integer, byte[]> atOnce = new TreeMap<>(backend.snapshot());
            Map<Integer, byte[]> deferred = backend.snapshot(round + 1, false).keyGroups();
            for (int i = 0; i < 5_000; i++) { // the same windows: their remembered maps are the snapshot's until copied
                use("k" + random.nextInt(500), "w" + random.nextInt(3));
                sums.add(1_000L);
            }
            assertEquals(atOnce.keySet(), new TreeMap<>(deferred).keySet());
            List<Integer> groups = new ArrayList<>(atOnce.keySet());
            for (int group : groups) {
                assertArrayEquals(atOnce.get(group), deferred.get(group), "key group " + group);
            }
        }
    }
}
