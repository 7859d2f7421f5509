package io.weir.connector.jdbc.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Writes a split's id, offset and parameters; the parameters (numbers, strings, dates: any
 * {@link Serializable}) with Java serialization.
 */
final class JdbcSourceSplitSerializer implements SimpleVersionedSerializer<JdbcSourceSplit> {

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(JdbcSourceSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeUTF(split.splitId());
            out.writeLong(split.offset());
            out.writeObject(split.parameters());
        }
        return bytes.toByteArray();
    }

    @Override
    public JdbcSourceSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown JDBC split serializer version " + version + ": the checkpoint was written by "
                    + "a newer Weir");
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            String id = in.readUTF();
            long offset = in.readLong();
            return new JdbcSourceSplit(id, (Serializable[]) in.readObject(), offset);
        } catch (ClassNotFoundException e) {
            throw new IOException("A JDBC split's parameter has a class not on the classpath: " + e.getMessage(), e);
        }
    }
}
