package io.weir.runtime.state;

import io.weir.api.configuration.ReadableConfig;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;

/**
 * What a {@link StateBackend} needs to create the keyed state backend of one operator subtask.
 *
 * @param keySerializer writes the keys into snapshots; {@code null} when the key type is unknown,
 *     which makes snapshots of state fail
 * @param configuration the job's configuration, for backend options (local directories, ...)
 */
public record KeyedBackendParameters<K>(String operatorName, int subtaskIndex, int maxParallelism,
        KeyGroupRange keyGroupRange, SerializerConfig serializerConfig, TypeSerializer<K> keySerializer,
        ReadableConfig configuration) {}
