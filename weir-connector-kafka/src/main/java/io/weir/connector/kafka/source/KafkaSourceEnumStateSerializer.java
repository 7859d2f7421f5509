package io.weir.connector.kafka.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** Writes a {@link KafkaSourceEnumState} as the count and then topic and partition of each assigned partition (version 1). */
public final class KafkaSourceEnumStateSerializer implements SimpleVersionedSerializer<KafkaSourceEnumState> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(KafkaSourceEnumState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.assignedPartitions().size());
            for (TopicPartition partition : state.assignedPartitions()) {
                out.writeUTF(partition.topic());
                out.writeInt(partition.partition());
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public KafkaSourceEnumState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Cannot read a KafkaSourceEnumState of serializer version " + version
                    + "; this Weir version reads version " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int count = in.readInt();
            Set<TopicPartition> partitions = new HashSet<>();
            for (int i = 0; i < count; i++) {
                partitions.add(new TopicPartition(in.readUTF(), in.readInt()));
            }
            return new KafkaSourceEnumState(partitions);
        }
    }
}
