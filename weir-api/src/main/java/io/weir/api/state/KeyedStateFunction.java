package io.weir.api.state;

/**
 * Applied to the state of each key that has one, by
 * {@code KeyedBroadcastProcessFunction.Context.applyToKeyedState}.
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    /** Called once per key with that key's state in scope; {@code state} may be changed or cleared. */
    void process(K key, S state) throws Exception;
}
