package io.weir.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.KeySelector;
import io.weir.api.transformations.Exchange;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelSelectorTest {

    /**
     * A HASH edge sends every key to the subtask whose key-group range holds the key's group, so
     * that the consumer's backend owns it: with a power-of-two maximum parallelism (mask and shift)
     * and without (modulo and division).
     */
    @ParameterizedTest
    @CsvSource({"128,1", "128,3", "128,4", "128,128", "32768,7", "10,3", "100,7", "1,1"})
    void hashSendsEveryKeyToTheSubtaskOwningItsKeyGroup(int maxParallelism, int parallelism) throws Exception {
        KeySelector<String, String> firstWord = value -> value.split(" ")[0];
        int[] all = IntStream.range(0, parallelism).toArray();
        ChannelSelector<String> selector = ChannelSelector.create(Exchange.HASH, firstWord, all, parallelism,
                maxParallelism, 42);
        for (int i = -5_000; i < 5_000; i++) {
            String key = i % 3 == 0 ? "k" + i : String.valueOf(i);
            int subtask = selector.select(key + " payload");
            int keyGroup = KeyGroupAssignment.assignToKeyGroup(key, maxParallelism);
            KeyGroupRange owned = KeyGroupAssignment.rangeForOperator(maxParallelism, parallelism, subtask);
            assertTrue(owned.contains(keyGroup), "key " + key + " (group " + keyGroup + ") went to subtask " + subtask
                    + ", which owns " + owned.start() + ".." + owned.end());
            assertEquals(KeyGroupAssignment.operatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup), subtask);
        }
    }

    /** One consumer owns every key group: the sender routes without calling the KeySelector (the consumer does). */
    @Test
    void hashToOneConsumerDoesNotLookAtTheKey() throws Exception {
        KeySelector<String, String> failing = value -> {
            throw new AssertionError("the key of " + value + " was extracted on the sending side");
        };
        ChannelSelector<String> selector = ChannelSelector.create(Exchange.HASH, failing, new int[] {0}, 1, 128, 42);
        assertEquals(0, selector.select("a"));
        assertEquals(0, selector.select(null));
    }
}
