package io.weir.api.operators;

/**
 * A timer as the runtime keeps it: when it fires, for which key, and in which namespace (a window,
 * or {@code VoidNamespace} for plain process functions). There is at most one timer per
 * (key, namespace, timestamp) and time domain.
 */
public interface InternalTimer<K, N> {
    long getTimestamp();

    K getKey();

    N getNamespace();
}
