package io.weir.connector.mqtt.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a split as its index, filter, QoS and client id (version 1); lists of splits for the enumerator. */
final class MqttTopicSplitSerializer implements SimpleVersionedSerializer<MqttTopicSplit> {
    static final MqttTopicSplitSerializer INSTANCE = new MqttTopicSplitSerializer();

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(MqttTopicSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public MqttTopicSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static void write(MqttTopicSplit split, DataOutputStream out) throws IOException {
        out.writeInt(split.index());
        out.writeUTF(split.topicFilter());
        out.writeByte(split.qos());
        out.writeUTF(split.clientId());
    }

    static MqttTopicSplit read(DataInputStream in) throws IOException {
        return new MqttTopicSplit(in.readInt(), in.readUTF(), in.readByte(), in.readUTF());
    }

    static void checkVersion(int version) throws IOException {
        if (version != 1) {
            throw new IOException("MQTT split state of version " + version + " was written by a newer Weir; this one"
                    + " reads version 1");
        }
    }

    /** The enumerator's state: the splits not assigned to a reader. */
    static final class SplitList implements SimpleVersionedSerializer<List<MqttTopicSplit>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<MqttTopicSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (MqttTopicSplit split : splits) {
                    write(split, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<MqttTopicSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(serialized))) {
                int count = in.readInt();
                List<MqttTopicSplit> splits = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    splits.add(read(in));
                }
                return splits;
            }
        }
    }
}
