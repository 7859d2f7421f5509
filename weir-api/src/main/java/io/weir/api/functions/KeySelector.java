package io.weir.api.functions;

/**
 * Extracts the key of an element. The key must have a stable {@code hashCode} and {@code equals}:
 * the same key must give the same hash in every process.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
