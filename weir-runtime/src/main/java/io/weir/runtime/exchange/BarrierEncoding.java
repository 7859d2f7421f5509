package io.weir.runtime.exchange;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.checkpoint.SnapshotType;
import java.io.IOException;

/**
 * How a checkpoint barrier travels in a channel: the {@link ElementTag#BARRIER} tag, the checkpoint
 * id and timestamp, a type byte (the {@link SnapshotType} with {@link #UNALIGNED_FLAG} and
 * {@link #ENDS_JOB_FLAG}), and a
 * savepoint's target directory. A barrier always travels in a buffer of its own, so a buffer whose
 * first byte is the tag holds one barrier and nothing else.
 */
public final class BarrierEncoding {
    /** Set in a barrier's type byte when the barrier is unaligned. */
    public static final int UNALIGNED_FLAG = 0x80;
    /** Set in a barrier's type byte when it is the job's final checkpoint (such a barrier is rarely sent in-band). */
    public static final int ENDS_JOB_FLAG = 0x40;

    private BarrierEncoding() {}

    public static byte[] encode(CheckpointBarrier barrier) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeByte(ElementTag.BARRIER);
        out.writeLong(barrier.id());
        out.writeLong(barrier.timestamp());
        out.writeByte(barrier.type().ordinal() | (barrier.unaligned() ? UNALIGNED_FLAG : 0)
                | (barrier.endsJob() ? ENDS_JOB_FLAG : 0));
        if (barrier.isSavepoint()) {
            out.writeUTF(barrier.targetLocation());
        }
        return out.getCopyOfBuffer();
    }

    /** Reads a barrier whose tag byte was read already. */
    public static CheckpointBarrier readAfterTag(DataInputDeserializer in) throws IOException {
        long id = in.readLong();
        long timestamp = in.readLong();
        int typeByte = in.readByte() & 0xff;
        SnapshotType type = SnapshotType.values()[typeByte & ~(UNALIGNED_FLAG | ENDS_JOB_FLAG)];
        return new CheckpointBarrier(id, timestamp, type, type.isSavepoint() ? in.readUTF() : null,
                (typeByte & UNALIGNED_FLAG) != 0, (typeByte & ENDS_JOB_FLAG) != 0);
    }

    /**
     * The barrier a received buffer of {@code length} bytes holds, or {@code null} if it holds elements:
     * a buffer that arrived over the network is marked as a barrier again with it.
     */
    public static CheckpointBarrier decodeIfBarrier(byte[] bytes, int length) throws IOException {
        if (length == 0 || bytes[0] != ElementTag.BARRIER) {
            return null;
        }
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(bytes, 1, length - 1);
        return readAfterTag(in);
    }
}
