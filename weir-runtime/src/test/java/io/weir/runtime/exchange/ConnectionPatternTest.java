package io.weir.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.transformations.Exchange;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionPatternTest {
    @ParameterizedTest
    @CsvSource({"2,4", "4,2", "3,3", "1,5", "5,1", "3,7", "7,3"})
    void pointwiseProducerAndConsumerViewsAgree(int producers, int consumers) {
        Set<String> fromProducers = new HashSet<>();
        for (int i = 0; i < producers; i++) {
            for (int j : ConnectionPattern.consumersOf(Exchange.RESCALE, i, producers, consumers)) {
                fromProducers.add(i + "->" + j);
            }
        }
        Set<String> fromConsumers = new HashSet<>();
        Set<Integer> fedConsumers = new HashSet<>();
        for (int j = 0; j < consumers; j++) {
            for (int i : ConnectionPattern.producersOf(Exchange.RESCALE, j, producers, consumers)) {
                fromConsumers.add(i + "->" + j);
                fedConsumers.add(j);
            }
        }
        assertEquals(fromProducers, fromConsumers);
        assertEquals(consumers, fedConsumers.size(), "every consumer must have a producer");
    }

    @ParameterizedTest
    @CsvSource({"2,4", "3,3"})
    void allToAllConnectsEveryPair(int producers, int consumers) {
        assertEquals(consumers, ConnectionPattern.consumersOf(Exchange.HASH, 0, producers, consumers).length);
        assertEquals(producers, ConnectionPattern.producersOf(Exchange.REBALANCE, 0, producers, consumers).length);
    }

    @ParameterizedTest
    @CsvSource({"2,4"})
    void globalConnectsEveryProducerToTheFirstConsumerOnly(int producers, int consumers) {
        assertArrayEquals(new int[] {0}, ConnectionPattern.consumersOf(Exchange.GLOBAL, 1, producers, consumers));
        assertEquals(producers, ConnectionPattern.producersOf(Exchange.GLOBAL, 0, producers, consumers).length);
        assertEquals(0, ConnectionPattern.producersOf(Exchange.GLOBAL, 1, producers, consumers).length);
    }
}
