package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TimerSet} against a {@link HashMap} under random adds and removes, with keys chosen so
 * that many share their hash code (long probe runs that wrap around the table, and removals inside
 * them).
 */
class TimerSetTest {
    /** A key whose hash code is shared by every key of the same {@code id / 8}. */
    private record CollidingKey(int id) {
        @Override
        public int hashCode() {
            return id / 8;
        }
    }

    @Test
    void findsAddsAndRemovesLikeAHashMap() {
        Random random = new Random(42);
        TimerSet<CollidingKey, String> set = new TimerSet<>();
        Map<String, TimerEntry<CollidingKey, String>> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long timestamp = random.nextInt(20);
            CollidingKey key = new CollidingKey(random.nextInt(400));
            String namespace = "w" + random.nextInt(3);
            String id = timestamp + "/" + key.id() + "/" + namespace;
            int hash = TimerEntry.hash(timestamp, key, namespace);
            TimerEntry<CollidingKey, String> found = set.find(timestamp, key, namespace, hash);
            assertSame(expected.get(id), found, id);
            int action = random.nextInt(3);
            if (action == 0 && found == null) {
                TimerEntry<CollidingKey, String> timer = new TimerEntry<>(timestamp, key, namespace, 0, hash);
                set.insert(timer);
                expected.put(id, timer);
            } else if (action == 1) {
                assertSame(expected.remove(id), set.remove(timestamp, key, namespace, hash), id);
            } else if (action == 2 && found != null) {
                set.remove(found);
                expected.remove(id);
            }
            assertEquals(expected.size(), set.size());
        }
        for (TimerEntry<CollidingKey, String> timer : expected.values()) {
            assertSame(timer, set.find(timer.getTimestamp(), timer.getKey(), timer.getNamespace(), timer.hashCode()));
        }
        assertNull(set.find(99, new CollidingKey(1), "w0", TimerEntry.hash(99, new CollidingKey(1), "w0")));
    }
}
