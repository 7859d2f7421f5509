package io.weir.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.weir.api.execution.JobID;
import io.weir.runtime.exchange.BlockingMemory;
import io.weir.runtime.exchange.BlockingSubpartition;
import io.weir.runtime.exchange.BufferReceiver;
import io.weir.runtime.exchange.DataExchange;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.InputQueue;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.exchange.ResultKey;
import io.weir.runtime.task.TaskDeployment;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A TaskManager's data plane: tasks in this TaskManager exchange buffers in memory, as in a
 * {@link LocalExchange}; a producer whose consumer runs in another TaskManager gets a
 * {@link RemoteChannelSender} to it, and buffers that other TaskManagers send here arrive through
 * this exchange's data port into the consumers' {@link InputQueue}s.
 *
 * <p>Which TaskManager runs a consumer comes from the {@link ConsumerLocator}. Each remote channel
 * asks the receiver for {@code creditsPerChannel} buffers of {@code bufferSize} bytes (the job's
 * {@code taskmanager.network.memory.buffers-per-channel} and segment size).
 *
 * <p>Threading: safe for concurrent use by task threads; Netty's event-loop threads run the
 * connections.
 */
public final class NetworkExchange implements DataExchange, AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final LocalExchange local = new LocalExchange();
    private final ConsumerLocator locator;
    private final int creditsPerChannel;
    private final int bufferSize;
    private final EventLoopGroup eventLoops;
    /** TLS on every data connection, or {@code null} for plain TCP. */
    private final InternalTls tls;
    private final Channel serverChannel;
    private final Map<JobID, Set<RemoteChannelSender>> senders = new ConcurrentHashMap<>();
    private final Map<JobID, Set<RemoteChannelReceiver>> receivers = new ConcurrentHashMap<>();

    /**
     * Starts the data port on {@code bindAddress} (port 0 picks a free one; see {@link #address()}).
     *
     * @throws IllegalStateException if the port cannot be bound, naming the address
     */
    public NetworkExchange(InetSocketAddress bindAddress, ConsumerLocator locator, int creditsPerChannel,
            int bufferSize) {
        this(bindAddress, locator, creditsPerChannel, bufferSize, null);
    }

    /**
     * Starts the data port on {@code bindAddress}, with TLS on every data connection, accepted or
     * opened, when {@code tls} is given ({@code null}: plain TCP).
     *
     * @throws IllegalStateException if the port cannot be bound, naming the address
     */
    public NetworkExchange(InetSocketAddress bindAddress, ConsumerLocator locator, int creditsPerChannel,
            int bufferSize, InternalTls tls) {
        this.tls = tls;
        this.locator = locator;
        this.creditsPerChannel = creditsPerChannel;
        this.bufferSize = bufferSize;
        // an event loop's thread starts when first used, possibly by a task's first connection: without
        // this it would inherit that task's context class loader and keep the job's classes for good
        ThreadFactory netty = new DefaultThreadFactory("weir-data-plane", true);
        this.eventLoops = new MultiThreadIoEventLoopGroup(2, runnable -> {
            Thread thread = netty.newThread(runnable);
            thread.setContextClassLoader(NetworkExchange.class.getClassLoader());
            return thread;
        }, NioIoHandler.newFactory());
        ServerBootstrap server = new ServerBootstrap()
                .group(eventLoops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            tls.secureAccepted(ch, "data");
                        }
                        ch.pipeline().addLast(Frame.decoder(), new RemoteChannelReceiver(local, receiver ->
                                receivers.computeIfAbsent(receiver.channelInfo().consumer().jobId(),
                                        job -> ConcurrentHashMap.newKeySet()).add(receiver)));
                    }
                });
        ChannelFuture bound = server.bind(bindAddress).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            eventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("Could not open the data port on " + bindAddress + ": " + bound.cause()
                    + ". Choose a free port (taskmanager.data.port, 0 picks one).", bound.cause());
        }
        this.serverChannel = bound.channel();
    }

    /** Where other TaskManagers send buffers for this one's consumers. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public InputQueue inputQueue(ExchangeKey key) {
        return local.inputQueue(key);
    }

    /**
     * The consumer's queue if it runs here, else a new remote channel to it.
     *
     * @throws IllegalStateException if the consumer's TaskManager cannot be reached, naming it
     */
    @Override
    public BufferReceiver receiver(ExchangeKey key, int channel) {
        InetSocketAddress remote = locator.remoteAddress(key);
        if (remote == null) {
            return local.receiver(key, channel);
        }
        return connect(key, channel, remote);
    }

    private RemoteChannelSender connect(ExchangeKey key, int channel, InetSocketAddress remote) {
        Frame.Open open = new Frame.Open(key, channel, creditsPerChannel, bufferSize);
        RemoteChannelSender sender = new RemoteChannelSender("channel " + channel + " of "
                + RemoteChannelReceiver.describe(open) + " at " + remote);
        ChannelFuture connected = new Bootstrap()
                .group(eventLoops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            tls.secureConnecting(ch, remote);
                        }
                        ch.pipeline().addLast(Frame.decoder(), sender);
                    }
                })
                .connect(remote)
                .awaitUninterruptibly();
        if (!connected.isSuccess()) {
            throw new IllegalStateException("Could not connect " + sender + ": " + connected.cause()
                    + ". Is that TaskManager running and its data port reachable from here?", connected.cause());
        }
        Channel connection = connected.channel();
        InternalTls.awaitHandshake(connection, sender.toString());
        sender.connected(connection);
        connection.writeAndFlush(open.encode(connection.alloc()));
        senders.computeIfAbsent(key.jobId(), job -> ConcurrentHashMap.newKeySet()).add(sender);
        return sender;
    }

    @Override
    public BufferReceiver blockingResult(ResultKey key, int channel, BlockingMemory memory) {
        return local.blockingResult(key, channel, memory);
    }

    /**
     * Sends the result over a remote channel when the consumer runs in another TaskManager (whose id
     * is its data address, see {@link TaskLocations}): the consumer reads it as it reads a pipelined
     * channel, with the same credits.
     */
    @Override
    public void sendBlockingResult(ResultKey key, ExchangeKey consumer, String consumerTaskExecutor, int bufferSize) {
        if (consumerTaskExecutor == null) {
            local.sendBlockingResult(key, consumer, null, bufferSize);
            return;
        }
        int colon = consumerTaskExecutor.lastIndexOf(':');
        InetSocketAddress remote = new InetSocketAddress(consumerTaskExecutor.substring(0, colon),
                Integer.parseInt(consumerTaskExecutor.substring(colon + 1)));
        BlockingSubpartition result = local.blockingResults().get(key);
        if (result == null) {
            throw new IllegalStateException("No blocking result " + key + " is kept in this TaskManager");
        }
        local.replay(key, connect(consumer, result.channel(), remote), bufferSize);
    }

    @Override
    public void prepare(TaskDeployment deployment) {
        locator.learn(deployment);
    }

    @Override
    public void release(JobID jobId) {
        local.release(jobId);
        locator.forget(jobId);
        Set<RemoteChannelSender> sent = senders.remove(jobId);
        if (sent != null) {
            sent.forEach(RemoteChannelSender::abort);
        }
        Set<RemoteChannelReceiver> received = receivers.remove(jobId);
        if (received != null) {
            received.forEach(RemoteChannelReceiver::release);
        }
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
