package io.weir.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.weir.api.execution.JobID;
import io.weir.runtime.exchange.ExchangeKey;
import java.nio.charset.StandardCharsets;

/**
 * The frames of a remote channel's connection: a 4-byte length, a 1-byte kind, then the payload.
 *
 * <pre>
 * sender → receiver  OPEN      job id (UTF), attempt, consumer vertex, consumer subtask, channel, credits, buffer size (ints)
 * sender → receiver  BUFFER    the bytes of one buffer; spends one credit
 * sender → receiver  PRIORITY  the bytes of an unaligned barrier; spends no credit
 * sender → receiver  FINISH    nothing follows: the producer's end of partition was sent
 * receiver → sender  CREDIT    how many more buffers the receiver can take (int)
 * </pre>
 */
final class Frame {
    static final byte OPEN = 1;
    static final byte BUFFER = 2;
    static final byte PRIORITY = 3;
    static final byte FINISH = 4;
    static final byte CREDIT = 5;

    /** Larger than any buffer: a single record may make a buffer grow past the segment size. */
    static final int MAX_FRAME_LENGTH = 1 << 30;

    private Frame() {}

    /** Splits the incoming bytes into frames, stripping the length. */
    static LengthFieldBasedFrameDecoder decoder() {
        return new LengthFieldBasedFrameDecoder(MAX_FRAME_LENGTH, 0, 4, 0, 4);
    }

    /** The length and kind of a frame whose payload of {@code payloadLength} bytes follows separately. */
    static ByteBuf header(ByteBufAllocator alloc, byte kind, int payloadLength) {
        ByteBuf header = alloc.buffer(5);
        header.writeInt(1 + payloadLength);
        header.writeByte(kind);
        return header;
    }

    static ByteBuf credit(ByteBufAllocator alloc, int credits) {
        ByteBuf frame = header(alloc, CREDIT, 4);
        frame.writeInt(credits);
        return frame;
    }

    static ByteBuf finish(ByteBufAllocator alloc) {
        return header(alloc, FINISH, 0);
    }

    /** What an OPEN frame says: which channel of which consumer, and the receiver buffers it asks for. */
    record Open(ExchangeKey consumer, int channel, int credits, int bufferSize) {
        ByteBuf encode(ByteBufAllocator alloc) {
            byte[] job = consumer.jobId().toHexString().getBytes(StandardCharsets.UTF_8);
            ByteBuf frame = header(alloc, OPEN, 2 + job.length + 6 * 4);
            frame.writeShort(job.length);
            frame.writeBytes(job);
            frame.writeInt(consumer.attempt());
            frame.writeInt(consumer.consumerVertex());
            frame.writeInt(consumer.consumerSubtask());
            frame.writeInt(channel);
            frame.writeInt(credits);
            frame.writeInt(bufferSize);
            return frame;
        }

        /** Reads the payload of an OPEN frame (after its kind byte). */
        static Open decode(ByteBuf in) {
            byte[] job = new byte[in.readUnsignedShort()];
            in.readBytes(job);
            ExchangeKey key = new ExchangeKey(JobID.fromHexString(new String(job, StandardCharsets.UTF_8)),
                    in.readInt(), in.readInt(), in.readInt());
            return new Open(key, in.readInt(), in.readInt(), in.readInt());
        }
    }
}
