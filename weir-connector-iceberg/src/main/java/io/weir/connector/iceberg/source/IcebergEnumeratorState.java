package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link IcebergSource}'s enumerator keeps in a checkpoint: the splits not assigned yet and,
 * in streaming mode, the last snapshot whose files it has planned ({@link #NONE} before the first),
 * so a restored source goes on with the snapshots after it.
 */
public record IcebergEnumeratorState(long lastSnapshotId, List<IcebergSourceSplit> pendingSplits) {
    /** No snapshot planned yet. */
    public static final long NONE = -1;

    public IcebergEnumeratorState {
        pendingSplits = List.copyOf(pendingSplits);
    }

    /**
     * Version 2: the last snapshot id, then the pending splits as {@link SplitCollectionSerializer}
     * writes them. Version 1 (the bounded source's checkpoints before streaming reads) was the split
     * collection alone.
     */
    static final class Serializer implements SimpleVersionedSerializer<IcebergEnumeratorState> {
        private final SplitCollectionSerializer<IcebergSourceSplit> splits =
                new SplitCollectionSerializer<>(new IcebergSourceSplit.Serializer());

        @Override
        public int getVersion() {
            return 2;
        }

        @Override
        public byte[] serialize(IcebergEnumeratorState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(state.lastSnapshotId());
                byte[] pending = splits.serialize(state.pendingSplits());
                out.writeInt(pending.length);
                out.write(pending);
            }
            return bytes.toByteArray();
        }

        @Override
        public IcebergEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            if (version == 1) {
                return new IcebergEnumeratorState(NONE, new ArrayList<>(splits.deserialize(splits.getVersion(), serialized)));
            }
            if (version != 2) {
                throw new IOException("Iceberg source enumerator state of unknown version " + version
                        + "; this Weir reads versions 1 and 2");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                long last = in.readLong();
                byte[] pending = new byte[in.readInt()];
                in.readFully(pending);
                return new IcebergEnumeratorState(last, new ArrayList<>(splits.deserialize(splits.getVersion(), pending)));
            }
        }
    }
}
