package io.weir.connector.iceberg;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.iceberg.io.WriteResult;

/**
 * What one writer subtask wrote between two checkpoints: its data files (and, in upsert mode,
 * delete files), committed as one Iceberg snapshot. {@code commitId} is unique to this
 * committable; the snapshot's summary carries it, so a commit repeated after a restore sees that
 * it was done already.
 */
record IcebergCommittable(String commitId, WriteResult files) {

    boolean isEmpty() {
        return files.dataFiles().length == 0 && files.deleteFiles().length == 0;
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
