package io.weir.connector.kafka.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a {@link KafkaWriterState} as its prefix in UTF-8 (version 1). */
final class KafkaWriterStateSerializer implements SimpleVersionedSerializer<KafkaWriterState> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(KafkaWriterState state) {
        return state.transactionalIdPrefix().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public KafkaWriterState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Cannot read a Kafka sink writer state of serializer version " + version
                    + "; this Weir version reads version " + VERSION);
        }
        return new KafkaWriterState(new String(serialized, StandardCharsets.UTF_8));
    }
}
