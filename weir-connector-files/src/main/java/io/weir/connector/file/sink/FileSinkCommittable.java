package io.weir.connector.file.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;

/**
 * A closed part file waiting to become visible: committing renames the hidden pending file to its
 * final name.
 *
 * @param pendingFile the closed, still hidden file (absolute path)
 * @param finalFile the name it gets when committed (absolute path)
 */
public record FileSinkCommittable(String pendingFile, String finalFile) {

    /** Writes both paths as UTF strings. */
    public static final class Serializer implements SimpleVersionedSerializer<FileSinkCommittable> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FileSinkCommittable committable) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(committable.pendingFile());
                out.writeUTF(committable.finalFile());
            }
            return bytes.toByteArray();
        }

        @Override
        public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown version " + version + " of a file sink committable");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new FileSinkCommittable(in.readUTF(), in.readUTF());
            }
        }
    }
}
