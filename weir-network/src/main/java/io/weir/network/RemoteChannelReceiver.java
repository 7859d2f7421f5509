package io.weir.network;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.exchange.BarrierEncoding;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.BufferRecycler;
import io.weir.runtime.exchange.DataExchange;
import io.weir.runtime.exchange.InputQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's end of a remote channel: copies each arriving buffer into one of its own buffers
 * and puts it on the consumer's {@link InputQueue}; when the consumer recycles one, grants the sender
 * a credit for it. It owns as many buffers as credits it announced, so its memory is bounded.
 *
 * <p>A connection that closes before the sender's FINISH fails the consumer's queue: the producer's
 * TaskManager died or the network dropped, and no buffer of this channel will come again.
 *
 * <h2>Threading</h2>
 * Frames are read on the connection's event-loop thread, which alone uses the scratch array.
 * {@link #recycle} is called by the consumer's task thread; the free list is concurrent and
 * writing a credit to the channel is safe from any thread.
 */
final class RemoteChannelReceiver extends SimpleChannelInboundHandler<ByteBuf> implements BufferRecycler {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteChannelReceiver.class);

    private final DataExchange exchange;
    private final Consumer<RemoteChannelReceiver> onOpen;
    private final ConcurrentLinkedQueue<Buffer> free = new ConcurrentLinkedQueue<>();
    private Channel channel;
    private Frame.Open open;
    private InputQueue queue;
    private byte[] scratch = new byte[0];
    private boolean finished;
    private volatile boolean released;

    /** @param onOpen told which channel this connection carries, once it knows (for releasing it with its job) */
    RemoteChannelReceiver(DataExchange exchange, Consumer<RemoteChannelReceiver> onOpen) {
        this.exchange = exchange;
        this.onOpen = onOpen;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        byte kind = frame.readByte();
        switch (kind) {
            case Frame.OPEN -> open(ctx, Frame.Open.decode(frame));
            case Frame.BUFFER -> receive(frame);
            case Frame.PRIORITY -> queue.push(priorityBarrier(read(frame)));
            case Frame.FINISH -> finished = true;
            default -> throw new IllegalStateException("Unexpected frame kind " + kind + " on " + this);
        }
    }

    private void open(ChannelHandlerContext ctx, Frame.Open request) {
        channel = ctx.channel();
        open = request;
        queue = exchange.inputQueue(request.consumer());
        for (int i = 0; i < request.credits(); i++) {
            free.add(Buffer.owned(this, request.bufferSize(), request.channel()));
        }
        onOpen.accept(this);
        ctx.writeAndFlush(Frame.credit(ctx.alloc(), request.credits()));
    }

    private void receive(ByteBuf frame) {
        Buffer buffer = free.poll();
        if (buffer == null) {
            throw new IllegalStateException("The sender of " + this + " sent a buffer without credit");
        }
        int length = frame.readableBytes();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        frame.readBytes(scratch, 0, length);
        try {
            CheckpointBarrier barrier = BarrierEncoding.decodeIfBarrier(scratch, length);
            if (barrier != null) {
                // a barrier travels as a buffer of no pool, which its consumer can find in its queue
                // (an aligned-checkpoint timeout copies what is queued ahead of it); its credit returns
                queue.push(Buffer.barrier(Arrays.copyOf(scratch, length), open.channel(), barrier));
                recycle(buffer);
                return;
            }
            buffer.data().write(scratch, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer grows; it does not fail
        }
        queue.push(buffer);
    }

    /** An unaligned barrier that arrived, as a buffer of no pool marked with its barrier. */
    private Buffer priorityBarrier(byte[] bytes) {
        try {
            return Buffer.barrier(bytes, open.channel(), BarrierEncoding.decodeIfBarrier(bytes, bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException("A priority frame on " + this + " holds no readable barrier", e);
        }
    }

    /** A copy of the rest of a frame (for the rare priority buffer). */
    private static byte[] read(ByteBuf frame) {
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes);
        return bytes;
    }

    /** The consumer read {@code buffer}: it is free again, and the sender may send one more. */
    @Override
    public void recycle(Buffer buffer) {
        buffer.data().clear();
        free.add(buffer);
        if (!released && channel.isActive()) {
            channel.writeAndFlush(Frame.credit(channel.alloc(), 1));
        }
    }

    /** The consumer this channel feeds, once the sender said it. */
    Frame.Open channelInfo() {
        return open;
    }

    /** Closes the connection without failing the consumer (its job ended or restarts). */
    void release() {
        released = true;
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (queue != null && !finished && !released) {
            IllegalStateException failure = new IllegalStateException("Lost the connection from producer channel "
                    + open.channel() + " of " + describe(open) + " (from " + ctx.channel().remoteAddress()
                    + ") before its end of partition: the producing TaskManager failed or the network dropped the"
                    + " connection. The job restarts according to its restart strategy.");
            LOG.warn(failure.getMessage());
            queue.fail(failure);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Error on {}; closing the connection", this, cause);
        ctx.close();
    }

    static String describe(Frame.Open open) {
        return "consumer subtask " + open.consumer().consumerSubtask() + " of vertex " + open.consumer().consumerVertex()
                + " (job " + open.consumer().jobId() + ", attempt " + open.consumer().attempt() + ")";
    }

    @Override
    public String toString() {
        return open == null ? "a remote channel not yet opened" : "channel " + open.channel() + " of " + describe(open);
    }
}
