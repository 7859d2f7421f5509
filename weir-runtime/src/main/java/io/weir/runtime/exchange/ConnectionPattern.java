package io.weir.runtime.exchange;

import io.weir.api.transformations.Exchange;
import java.util.stream.IntStream;

/**
 * Which producer subtasks connect to which consumer subtasks. FORWARD and RESCALE connect pointwise
 * (each producer to a contiguous group of consumers, or a group of producers to one consumer); all
 * other exchanges connect every producer to every consumer.
 */
public final class ConnectionPattern {
    private ConnectionPattern() {}

    public static boolean isPointwise(Exchange exchange) {
        return exchange == Exchange.FORWARD || exchange == Exchange.RESCALE;
    }

    /** The consumers producer {@code i} writes to, ascending. */
    public static int[] consumersOf(Exchange exchange, int producer, int producers, int consumers) {
        if (exchange == Exchange.GLOBAL) {
            return new int[] {0};
        }
        if (!isPointwise(exchange)) {
            return IntStream.range(0, consumers).toArray();
        }
        if (producers >= consumers) {
            return new int[] {(int) ((long) producer * consumers / producers)};
        }
        return IntStream.range(0, consumers)
                .filter(j -> (int) ((long) j * producers / consumers) == producer)
                .toArray();
    }

    /** The producers that write to consumer {@code j}, ascending. */
    public static int[] producersOf(Exchange exchange, int consumer, int producers, int consumers) {
        if (exchange == Exchange.GLOBAL && consumer != 0) {
            return new int[0];
        }
        if (!isPointwise(exchange)) {
            return IntStream.range(0, producers).toArray();
        }
        if (producers >= consumers) {
            return IntStream.range(0, producers)
                    .filter(i -> (int) ((long) i * consumers / producers) == consumer)
                    .toArray();
        }
        return new int[] {(int) ((long) consumer * producers / consumers)};
    }
}
