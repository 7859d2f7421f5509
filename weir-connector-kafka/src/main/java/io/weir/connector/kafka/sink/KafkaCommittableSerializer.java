package io.weir.connector.kafka.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Writes a {@link KafkaCommittable} as transactional id, producer id, epoch and protocol version (version 1). */
final class KafkaCommittableSerializer implements SimpleVersionedSerializer<KafkaCommittable> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(KafkaCommittable committable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(committable.transactionalId());
            out.writeLong(committable.producerId());
            out.writeShort(committable.epoch());
            out.writeBoolean(committable.transactionV2());
        }
        return bytes.toByteArray();
    }

    @Override
    public KafkaCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Cannot read a Kafka sink committable of serializer version " + version
                    + "; this Weir version reads version " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new KafkaCommittable(in.readUTF(), in.readLong(), in.readShort(), in.readBoolean());
        }
    }
}
