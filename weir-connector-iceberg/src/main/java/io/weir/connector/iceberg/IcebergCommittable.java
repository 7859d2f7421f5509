package io.weir.connector.iceberg;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import org.apache.iceberg.io.WriteResult;

/**
 * Data files (and, in upsert mode, delete files) written between two checkpoints: what one writer
 * subtask hands to the {@link IcebergFilesCommitter}, and what the committer commits as one
 * Iceberg snapshot per checkpoint (all writers' files). {@code commitId} is unique to this
 * committable; the snapshot's summary carries it, so a commit repeated after a restore sees that
 * it was done already.
 */
record IcebergCommittable(String commitId, WriteResult files) {

    boolean isEmpty() {
        return files.dataFiles().length == 0 && files.deleteFiles().length == 0;
    }

    /** As the writer emits it to the committer: serializer version, then the serialized committable. */
    byte[] toMessage() throws IOException {
        Serializer serializer = new Serializer();
        byte[] bytes = serializer.serialize(this);
        return ByteBuffer.allocate(4 + bytes.length).putInt(serializer.getVersion()).put(bytes).array();
    }

    /** Reads what {@link #toMessage} wrote. */
    static IcebergCommittable fromMessage(byte[] message) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(message);
        int version = buffer.getInt();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new Serializer().deserialize(version, bytes);
    }

    /**
     * Java serialization of Iceberg's {@link WriteResult} (its files are {@code Serializable}, as
     * Spark and Flink ship them between tasks): a checkpoint restores with the Iceberg version
     * that wrote it.
     */
    static final class Serializer implements SimpleVersionedSerializer<IcebergCommittable> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(IcebergCommittable committable) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeUTF(committable.commitId());
                out.writeObject(committable.files());
            }
            return bytes.toByteArray();
        }

        @Override
        public IcebergCommittable deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Iceberg committable of unknown version " + version + "; this Weir writes version 1");
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
                String commitId = in.readUTF();
                return new IcebergCommittable(commitId, (WriteResult) in.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException("The checkpoint holds Iceberg files of a class this classpath lacks: " + e.getMessage()
                        + "; restore with the Iceberg version that wrote the checkpoint", e);
            }
        }
    }
}
