package io.weir.runtime.state;

import io.weir.runtime.checkpoint.KeyedStateFiles;
import java.util.Map;

/**
 * One checkpoint of a keyed state backend.
 *
 * @param keyGroups key group → its state and timers in the canonical format; groups without any are missing
 * @param files the backend's files of the checkpoint, or {@code null} if everything is in {@code keyGroups}
 */
public record KeyedStateSnapshot(Map<Integer, byte[]> keyGroups, KeyedStateFiles files) {}
