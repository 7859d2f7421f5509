package io.weir.network.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control-plane connection, used in both directions: it sends invocations and completes their
 * futures when the replies come, and it runs the invocations that arrive on the exported objects
 * of its {@link RpcService}, replying when their futures complete.
 *
 * <p>Invocations that arrive are read and run in arrival order on a thread of the connection's own,
 * not on the event loop (reading a job graph may wait for the job's jars to download); replies are
 * read on the event loop, so a gateway method waiting for another process's answer never blocks the
 * thread that reads it. A frame says in its first byte which of the two it holds. When the
 * connection closes, every call still waiting for a reply fails, naming the peer.
 *
 * <p>Threading: {@link #call} from any thread; arriving invocations on the connection's invocation
 * thread; everything else on the event-loop thread.
 */
final class RpcConnection extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);

    /** The first byte of a frame after its length: what the rest is. */
    private static final byte INVOCATION = 0;
    private static final byte REPLY = 1;

    private final RpcService service;
    private final AtomicLong nextCallId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private volatile Channel channel;
    private volatile String peer = "a peer not yet connected";
    /** Set once the channel went inactive; a call registered after that fails at once instead of waiting. */
    private volatile boolean lost;
    /**
     * Reads and runs arriving invocations in arrival order, off the event loop: a gateway method may
     * itself call another process and wait (a getter), which must not block the thread that reads the answer.
     */
    private final java.util.concurrent.ExecutorService invocations = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "weir-rpc-invocations");
                t.setDaemon(true);
                t.setContextClassLoader(RpcConnection.class.getClassLoader()); // not a job's, whoever starts it
                return t;
            });

    RpcConnection(RpcService service) {
        this.service = service;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connected(ctx.channel());
    }

    /** Set when the connection is up: by the event loop, or by the connecting thread, whichever is first. */
    void connected(Channel ch) {
        channel = ch;
        peer = String.valueOf(ch.remoteAddress());
        if (!lost) { // the connecting thread may come after the event loop saw it close
            service.connectionOpened(this);
        }
    }

    /**
     * Sends an invocation of {@code method}; the future completes with the reply, or is {@code null}
     * when {@code expectReply} is false.
     */
    CompletableFuture<Object> call(String target, String targetToken, Method method, Object[] args,
            boolean expectReply) {
        long callId = expectReply ? nextCallId.getAndIncrement() : 0;
        CompletableFuture<Object> reply = expectReply ? new CompletableFuture<>() : null;
        if (expectReply) {
            pending.put(callId, reply);
            if (lost) { // the connection went down while this call was being registered
                failPending();
                return reply;
            }
        }
        Class<?>[] types = method.getParameterTypes();
        String[] typeNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            typeNames[i] = types[i].getName();
        }
        RpcMessage.Invocation invocation = new RpcMessage.Invocation(callId, target,
                method.getDeclaringClass().getName(), method.getName(), typeNames, args == null ? new Object[0] : args,
                targetToken, service.fencingToken());
        try {
            send(invocation);
        } catch (IOException e) {
            pending.remove(callId);
            IllegalStateException failure = lost || !isActive() ? lostConnection()
                    : new IllegalStateException("Could not send " + method.getName() + " to " + target + " at " + peer
                            + ": an argument is not serializable (" + e + ")", e);
            if (reply == null) {
                throw failure;
            }
            reply.completeExceptionally(failure);
        }
        return reply;
    }

    private void send(RpcMessage message) throws IOException {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            throw new IOException("the connection to " + peer + " is closed");
        }
        ByteBuf frame = ch.alloc().buffer();
        frame.writeInt(0); // the length, filled in below
        if (message instanceof RpcMessage.Invocation invocation) {
            frame.writeByte(INVOCATION).writeLong(invocation.callId());
        } else {
            frame.writeByte(REPLY);
        }
        try (ObjectOutputStream out = service.objectOutput(new ByteBufOutputStream(frame))) {
            out.writeObject(message);
        } catch (IOException | RuntimeException e) {
            frame.release();
            throw e;
        }
        frame.setInt(0, frame.readableBytes() - 4);
        ch.writeAndFlush(frame);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        if (frame.readByte() == REPLY) { // replies on the event loop, so a waiting invocation never blocks its own answer
            read(new ByteBufInputStream(frame));
            return;
        }
        // invocations are read off the event loop: reading a job graph may fetch the job's jars first and wait
        long callId = frame.readLong();
        byte[] bytes = ByteBufUtil.getBytes(frame);
        try {
            invocations.execute(() -> readAndHandle(callId, bytes));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            if (callId != 0) {
                replyFailure(callId, new RpcConnectionLostException("The process at " + service.address()
                        + " is shutting down and takes no more calls", null));
            }
        }
    }

    private void readAndHandle(long callId, byte[] bytes) {
        Object invocation;
        try (RpcObjectInput in = service.objectInput(new java.io.ByteArrayInputStream(bytes))) {
            invocation = in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // the caller learns why (a job's jar that cannot be fetched, a class missing here)
            LOG.warn("Could not read an invocation from {}", peer, e);
            if (callId != 0) {
                replyFailure(callId, new IllegalStateException("The process at " + service.address()
                        + " could not read the call: " + e, e));
            }
            return;
        }
        handle(invocation);
    }

    private void read(java.io.InputStream bytes) {
        Object message;
        try (RpcObjectInput in = service.objectInput(bytes)) {
            message = in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("Could not read a message from {}; closing the connection", peer, e);
            channel.close(); // on the event loop: never wait for it here
            return;
        }
        handle(message);
    }

    private void replyFailure(long callId, Throwable failure) {
        try {
            send(new RpcMessage.Reply(callId, null, failure));
        } catch (IOException e) {
            try { // the cause itself may not serialize: send its message only
                send(new RpcMessage.Reply(callId, null, new IllegalStateException(String.valueOf(failure.getMessage()))));
            } catch (IOException again) {
                LOG.warn("Could not reply to call {} from {}", callId, peer, again);
            }
        }
    }

    private void handle(Object message) {
        if (message instanceof RpcMessage.Reply reply) {
            CompletableFuture<Object> waiting = pending.remove(reply.callId());
            if (waiting != null) {
                if (reply.failure() != null) {
                    waiting.completeExceptionally(reply.failure());
                } else {
                    waiting.complete(reply.value());
                }
            }
        } else if (message instanceof RpcMessage.Invocation invocation) {
            invoke(invocation); // on the invocation thread, where channelRead0 put it
        }
    }

    private void invoke(RpcMessage.Invocation invocation) {
        CompletableFuture<Object> result;
        try {
            result = service.invokeLocal(invocation);
        } catch (Throwable t) {
            result = CompletableFuture.failedFuture(t);
        }
        if (invocation.callId() == 0) {
            result.whenComplete((value, failure) -> {
                if (failure instanceof FencingTokenException fenced) {
                    LOG.warn("Dropped a message from {}: {}", peer, fenced.getMessage());
                } else if (failure != null) {
                    LOG.warn("{}.{} called from {} failed", invocation.target(), invocation.method(), peer, failure);
                }
            });
            return;
        }
        result.whenComplete((value, failure) -> reply(invocation, value, failure));
    }

    private void reply(RpcMessage.Invocation invocation, Object value, Throwable failure) {
        try {
            send(new RpcMessage.Reply(invocation.callId(), value, failure == null ? null : unwrap(failure)));
        } catch (NotSerializableException e) {
            try {
                send(new RpcMessage.Reply(invocation.callId(), null, new IllegalStateException(invocation.method()
                        + " of " + invocation.target() + " answered with a value that cannot be serialized: " + e)));
            } catch (IOException again) {
                LOG.warn("Could not reply to {} at {}", invocation.method(), peer, again);
            }
        } catch (IOException e) {
            LOG.warn("Could not reply to {} at {}", invocation.method(), peer, e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lost = true;
        failPending();
        invocations.shutdown();
        service.connectionClosed(this);
    }

    /** Fails every waiting call; each is removed before it is failed, so none is dropped unanswered. */
    private void failPending() {
        for (Long callId : pending.keySet()) {
            CompletableFuture<Object> reply = pending.remove(callId);
            if (reply != null) {
                reply.completeExceptionally(lostConnection());
            }
        }
    }

    private IllegalStateException lostConnection() {
        return new RpcConnectionLostException("Lost the connection to " + peer
                + " before it answered: the process ended or the network dropped the connection.", null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Error on the control-plane connection to {}; closing it", peer, cause);
        ctx.close();
    }

    boolean isActive() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /**
     * Takes no more invocations and waits, at most {@code timeoutMillis}, until those that arrived have
     * run (their replies are sent as their futures complete; a later call is answered with a failure).
     */
    void finishInvocations(long timeoutMillis) {
        invocations.shutdown();
        try {
            if (!invocations.awaitTermination(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warn("Calls from {} still ran after {} ms; closing the connection anyway", peer, timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the connection and waits until it is closed (so the peer learns of it), at most {@code timeoutMillis}. */
    void close(long timeoutMillis) {
        Channel ch = channel;
        if (ch != null) {
            ch.close().awaitUninterruptibly(timeoutMillis);
        }
    }
}
