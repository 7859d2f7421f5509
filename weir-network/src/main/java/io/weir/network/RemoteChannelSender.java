package io.weir.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.BufferReceiver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's end of a remote channel: sends the buffers of one producer subtask to one consumer
 * subtask in another TaskManager, one buffer per credit the receiver granted.
 *
 * <p>Without credit a buffer waits in the backlog. It stays a buffer of the producer's pool until it
 * is written to the socket, so a consumer that reads slowly (and grants credits slowly) makes the
 * producer run out of buffers and wait: backpressure, as with a local consumer.
 *
 * <h2>Threading</h2>
 * {@link #push}, {@link #prioritize} and {@link #finish} are called by the producer's task thread;
 * they hand their work to the connection's event-loop thread, which alone touches the backlog and
 * the credits. {@link #prioritize} waits for the event loop, since it must return what it overtook.
 * The failure is written by the event loop and read by the task thread (volatile).
 */
final class RemoteChannelSender extends SimpleChannelInboundHandler<ByteBuf> implements BufferReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteChannelSender.class);
    private static final long PRIORITIZE_TIMEOUT_SECONDS = 30;

    private final String description;
    private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
    private Channel channel;
    private int credits;
    private boolean finishing;
    private boolean finished;
    private volatile IllegalStateException failure;

    /** @param description names the channel and the consumer's address in error messages */
    RemoteChannelSender(String description) {
        this.description = description;
    }

    /** Called once the connection is up, before the sender is handed to the producer. */
    void connected(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void push(Buffer buffer) {
        IllegalStateException failed = failure;
        if (failed != null) {
            buffer.recycle();
            throw new IllegalStateException(failed.getMessage(), failed);
        }
        channel.eventLoop().execute(() -> {
            if (failure != null) {
                buffer.recycle();
                return;
            }
            backlog.add(buffer);
            sendWhileCredited();
        });
    }

    @Override
    public List<byte[]> prioritize(Buffer priority) {
        try {
            return channel.eventLoop().submit(() -> {
                List<byte[]> overtaken = new ArrayList<>(backlog.size());
                for (Buffer queued : backlog) {
                    overtaken.add(Arrays.copyOf(queued.bytes(), queued.length()));
                }
                if (failure == null) {
                    channel.write(Frame.header(channel.alloc(), Frame.PRIORITY, priority.length()));
                    channel.writeAndFlush(Unpooled.wrappedBuffer(priority.bytes(), 0, priority.length()));
                }
                return overtaken;
            }).get(PRIORITIZE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a barrier on " + description, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send a barrier on " + description + ": " + e, e);
        }
    }

    /** Sends the rest of the backlog as credits come, then says goodbye and closes the connection. */
    @Override
    public void finish() {
        channel.eventLoop().execute(() -> {
            finishing = true;
            closeIfDrained();
        });
    }

    /** Closes the connection at once, dropping the backlog (the producer was cancelled or the job ended). */
    void abort() {
        channel.eventLoop().execute(() -> {
            finished = true;
            recycleBacklog();
            channel.close();
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        byte kind = frame.readByte();
        if (kind != Frame.CREDIT) {
            throw new IllegalStateException("Unexpected frame kind " + kind + " from the receiver of " + description);
        }
        credits += frame.readInt();
        sendWhileCredited();
    }

    private void sendWhileCredited() {
        boolean wrote = false;
        while (credits > 0 && !backlog.isEmpty()) {
            Buffer buffer = backlog.poll();
            credits--;
            channel.write(Frame.header(channel.alloc(), Frame.BUFFER, buffer.length()));
            // the frame wraps the producer's buffer: it goes back to the pool once it is on the wire
            channel.write(Unpooled.wrappedBuffer(buffer.bytes(), 0, buffer.length()))
                    .addListener(written -> buffer.recycle());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        closeIfDrained();
    }

    private void closeIfDrained() {
        if (finishing && !finished && backlog.isEmpty()) {
            finished = true;
            channel.writeAndFlush(Frame.finish(channel.alloc())).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!finished) {
            failure = new IllegalStateException("Lost the connection of " + description
                    + " before the producer finished: the consuming TaskManager failed or the network dropped"
                    + " the connection. The job restarts according to its restart strategy.");
            LOG.warn(failure.getMessage());
        }
        recycleBacklog();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Error on {}; closing the connection", description, cause);
        ctx.close();
    }

    private void recycleBacklog() {
        Buffer buffer;
        while ((buffer = backlog.poll()) != null) {
            buffer.recycle();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
