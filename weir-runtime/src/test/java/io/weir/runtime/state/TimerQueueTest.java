package io.weir.runtime.state;


import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimerQueueTest {
    private final TimerQueue<String, String> queue = new TimerQueue<>(new KeyGroupRange(0, 3));

    @Test
    void sameKeyNamespaceAndTimeIsOneTimer() {
        assertTrue(queue.add(10, "a", "ns", 1));
        assertFalse(queue.add(10, "a", "ns", 1));
        assertTrue(queue.add(10, "a", "other", 1));
        assertTrue(queue.add(10, "b", "ns", 2));
        assertTrue(queue.add(11, "a", "ns", 1));
        assertEquals(4, queue.size());
    }

    @Test
    void aTimerRegisteredAgainAfterItFiredOrWasDeletedIsNew() {
        assertTrue(queue.add(10, "a", "ns", 1));
        assertFalse(queue.add(10, "a", "ns", 1));
        assertEquals(10, queue.poll().getTimestamp());
        assertTrue(queue.add(10, "a", "ns", 1));
        queue.remove(10, "a", "ns", 1);
        assertEquals(0, queue.size());
        assertTrue(queue.add(10, "a", "ns", 1));
        assertTrue(queue.add(10, "b", "ns", 2));
        assertFalse(queue.add(10, "a", "ns", 1));
        assertFalse(queue.add(10, "a", "ns", 1));
        assertEquals(2, queue.size());
    }

    @Test
    void deletingTheTimerThatJustFiredIsANoOpUnlessItWasRegisteredAgain() {
        queue.add(10, "a", "ns", 1);
        queue.add(20, "a", "ns", 1);
        assertEquals(10, queue.poll().getTimestamp());
        queue.remove(10, "a", "ns", 1);
        assertEquals(1, queue.size());
        assertTrue(queue.add(10, "a", "ns", 1));
        queue.remove(10, "a", "ns", 1);
        assertEquals(1, queue.size());
        assertEquals(20, queue.peek().getTimestamp());
    }

    @Test
    void pollsInTimestampOrderThenRegistrationOrder() {
        queue.add(30, "a", "ns", 0);
        queue.add(10, "b", "ns", 1);
        queue.add(20, "c", "ns", 2);
        queue.add(10, "a", "ns", 0);
        List<String> fired = new ArrayList<>();
        TimerEntry<String, String> t;
        while ((t = queue.poll()) != null) {
            fired.add(t.getTimestamp() + t.getKey());
        }
        assertEquals(List.of("10b", "10a", "20c", "30a"), fired);
    }

    @Test
    void deleteRemovesOnlyTheEqualTimerAndMissingIsANoOp() {
        queue.add(10, "a", "ns", 0);
        queue.add(20, "a", "ns", 0);
        queue.remove(10, "a", "ns", 0);
        queue.remove(10, "a", "ns", 0);
        queue.remove(20, "b", "ns", 0);
        assertEquals(1, queue.size());
        assertEquals(20, queue.poll().getTimestamp());
        assertNull(queue.poll());
        assertTrue(queue.add(10, "a", "ns", 0), "a deleted timer can be registered again");
    }

    @Test
    void timersAreKeptPerKeyGroup() {
        queue.add(10, "a", "ns", 0);
        queue.add(11, "b", "ns", 3);
        queue.add(12, "c", "ns", 3);
        assertEquals(1, queue.sizeOf(0));
        assertEquals(2, queue.sizeOf(3));
        queue.poll();
        assertEquals(0, queue.sizeOf(0));
    }

    /** Random adds, deletes and polls agree with a sorted map as the model. */
    @Test
    void agreesWithASortedModelUnderRandomOperations() {
        Random random = new Random(42);
        TreeMap<Long, Long> model = new TreeMap<>(); // timestamp*100+key -> registration sequence
        long sequence = 0;
        long time = 0;
        int key = 0;
        for (int i = 0; i < 20_000; i++) {
            int op = random.nextInt(10);
            // a quarter of the operations reuse the previous timer, as a window operator does
            if (random.nextInt(4) != 0) {
                time = random.nextInt(200);
                key = random.nextInt(8);
            }
            long id = time * 100 + key;
            if (op < 5) {
                boolean added = queue.add(time, "k" + key, "ns", key % 4);
                assertEquals(!model.containsKey(id), added);
                if (added) {
                    model.put(id, sequence++);
                }
            } else if (op < 8) {
                queue.remove(time, "k" + key, "ns", key % 4);
                model.remove(id);
            } else {
                TimerEntry<String, String> polled = queue.poll();
                if (model.isEmpty()) {
                    assertNull(polled);
                } else {
                    long minTime = model.firstKey() / 100;
                    long expected = model.entrySet().stream().filter(e -> e.getKey() / 100 == minTime)
                            .min((x, y) -> Long.compare(x.getValue(), y.getValue())).orElseThrow().getKey();
                    assertEquals(expected, polled.getTimestamp() * 100 + Long.parseLong(polled.getKey().substring(1)));
                    model.remove(expected);
                }
            }
            assertEquals(model.size(), queue.size());
        }
    }
}
