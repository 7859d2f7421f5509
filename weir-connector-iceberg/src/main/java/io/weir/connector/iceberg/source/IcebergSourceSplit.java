package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.SourceSplit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One file scan task of the table's snapshot (a data file, or a part of one, with the delete files
 * that apply to it), as Iceberg's JSON, and how many of its records a reader emitted already: a
 * restored reader skips them.
 */
public record IcebergSourceSplit(String splitId, String taskJson, long recordsToSkip) implements SourceSplit {

    IcebergSourceSplit skipping(long records) {
        return new IcebergSourceSplit(splitId, taskJson, records);
    }

    /** Version 1: the id, the JSON (as UTF-8 bytes, which may exceed 64 KB) and the records to skip. */
    static final class Serializer implements SimpleVersionedSerializer<IcebergSourceSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(IcebergSourceSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(split.splitId());
                byte[] json = split.taskJson().getBytes(StandardCharsets.UTF_8);
                out.writeInt(json.length);
                out.write(json);
                out.writeLong(split.recordsToSkip());
            }
            return bytes.toByteArray();
        }

        @Override
        public IcebergSourceSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Iceberg source split of unknown version " + version + "; this Weir reads version 1");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String id = in.readUTF();
                byte[] json = new byte[in.readInt()];
                in.readFully(json);
                return new IcebergSourceSplit(id, new String(json, StandardCharsets.UTF_8), in.readLong());
            }
        }
    }
}
