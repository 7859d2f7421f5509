package io.weir.network;

import io.weir.runtime.exchange.ExchangeKey;
import java.net.InetSocketAddress;

/**
 * Says where a consumer subtask runs: in this TaskManager, or behind another TaskManager's data
 * port. The scheduler knows it from the slots it deployed the job's tasks into.
 */
@FunctionalInterface
public interface ConsumerLocator {
    /** The data address of the TaskManager running {@code consumer}, or {@code null} if it runs in this one. */
    InetSocketAddress remoteAddress(ExchangeKey consumer);
}
