package io.weir.network.rpc;

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
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process's end of the control plane: exports the process's gateways (a ResourceManager, a
 * TaskExecutor, JobMasters) under names, and hands out proxies of gateways in other processes
 * whose method calls become messages on a connection.
 *
 * <h2>Calls</h2>
 * A method returning a {@link CompletableFuture} returns at once; the future completes with the
 * remote future's outcome, or fails when the connection is lost before the answer. A void method
 * is sent without waiting, in order with the caller's other calls to the same process. A method
 * with any other result waits for it, up to {@link #SYNC_CALL_TIMEOUT_SECONDS} (only simple getters
 * such as {@code id()} should be of that kind). Arguments and results travel with Java
 * serialization; an argument implementing one of the {@code gateways} that is not serializable
 * travels by reference (see {@link RpcObjectOutput}), so a JobMaster can hand itself to a remote
 * TaskExecutor as it does in one JVM.
 *
 * <p>Threading: safe for use from any thread; connections run on Netty event-loop threads.
 */
public final class RpcService implements AutoCloseable {
    /** How long a call of a method that returns a plain value waits for it. */
    public static final long SYNC_CALL_TIMEOUT_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long CLOSE_TIMEOUT_MILLIS = 2_000;
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", int.class, "long", long.class,
            "boolean", boolean.class, "double", double.class, "float", float.class, "short", short.class,
            "byte", byte.class, "char", char.class);

    private final ClassLoader classLoader;
    private final List<Class<?>> gateways;
    private final EventLoopGroup eventLoops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Channel serverChannel;
    private final Map<String, Object> exported = new ConcurrentHashMap<>();
    private final Map<Object, String> exportedNames = new IdentityHashMap<>();
    private final Map<InetSocketAddress, RpcConnection> connections = new ConcurrentHashMap<>();
    /** Every open connection, accepted ones too: {@link #close} closes each before it stops the event loops. */
    private final java.util.Set<RpcConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextExportId = new AtomicLong();
    private volatile io.weir.runtime.graph.JobCodeResolver jobCode;

    /**
     * Starts listening on {@code bindAddress} (port 0 picks a free one; see {@link #address()}).
     *
     * @param classLoader resolves the classes of arriving messages (the user code of jobs among them)
     * @param gateways the interfaces whose implementations travel by reference
     * @throws IllegalStateException if the port cannot be bound, naming it
     */
    public RpcService(InetSocketAddress bindAddress, ClassLoader classLoader, List<Class<?>> gateways) {
        this.classLoader = classLoader;
        this.gateways = List.copyOf(gateways);
        ChannelFuture bound = new ServerBootstrap()
                .group(eventLoops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer())
                .bind(bindAddress)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            eventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("Could not open the RPC port on " + bindAddress + ": " + bound.cause()
                    + ". Choose a free port (0 picks one).", bound.cause());
        }
        serverChannel = bound.channel();
    }

    private ChannelInitializer<SocketChannel> initializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 30, 0, 4, 0, 4), new RpcConnection(RpcService.this));
            }
        };
    }

    /** Where other processes connect to call this one's gateways. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Makes {@code target} callable by other processes as {@code name}. */
    public void export(String name, Object target) {
        exported.put(name, target);
        synchronized (exportedNames) {
            exportedNames.put(target, name);
        }
    }

    /** A proxy of the {@code gateway} exported as {@code name} by the process at {@code address}. */
    public <T> T connect(InetSocketAddress address, String name, Class<T> gateway) {
        return gateway.cast(proxyFor(new RpcMessage.RemoteRef(address.getHostString(), address.getPort(), name,
                gateway.getName())));
    }

    Object proxyFor(RpcMessage.RemoteRef ref) {
        InetSocketAddress own = address();
        if (ref.port() == own.getPort() && ref.host().equals(own.getHostString()) && exported.containsKey(ref.name())) {
            return exported.get(ref.name()); // a gateway of this process came back home
        }
        Class<?> gateway;
        try {
            gateway = Class.forName(ref.gateway(), false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unknown gateway interface " + ref.gateway(), e);
        }
        return Proxy.newProxyInstance(classLoader, new Class<?>[] {gateway}, new RemoteGateway(this, ref));
    }

    /** The reference a gateway argument travels as, or {@code null} if it is no gateway of this service. */
    RpcMessage.RemoteRef referenceTo(Object obj) {
        if (Proxy.isProxyClass(obj.getClass()) && Proxy.getInvocationHandler(obj) instanceof RemoteGateway remote) {
            return remote.reference();
        }
        for (Class<?> gateway : gateways) {
            if (gateway.isInstance(obj)) {
                String name;
                synchronized (exportedNames) {
                    name = exportedNames.computeIfAbsent(obj, o -> gateway.getSimpleName() + "-" + nextExportId.incrementAndGet());
                }
                exported.putIfAbsent(name, obj);
                InetSocketAddress own = address();
                return new RpcMessage.RemoteRef(own.getHostString(), own.getPort(), name, gateway.getName());
            }
        }
        return null;
    }

    /** The connection to {@code address}, opened on first use and again after it was lost. */
    RpcConnection connection(InetSocketAddress address) {
        RpcConnection existing = connections.get(address);
        if (existing != null && existing.isActive()) {
            return existing;
        }
        synchronized (connections) {
            existing = connections.get(address);
            if (existing != null && existing.isActive()) {
                return existing;
            }
            RpcConnection connection = new RpcConnection(this);
            ChannelFuture connected = new Bootstrap()
                    .group(eventLoops)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 30, 0, 4, 0, 4), connection);
                        }
                    })
                    .connect(address)
                    .awaitUninterruptibly();
            if (!connected.isSuccess()) {
                throw new IllegalStateException("Could not connect to " + address + ": " + connected.cause()
                        + ". Is the process running and its RPC port reachable from here?", connected.cause());
            }
            connection.connected(connected.channel());
            connections.put(address, connection);
            return connection;
        }
    }

    void connectionOpened(RpcConnection connection) {
        open.add(connection);
    }

    void connectionClosed(RpcConnection connection) {
        open.remove(connection);
        connections.values().remove(connection);
    }

    /** Runs an arriving invocation on the exported object it names. */
    CompletableFuture<Object> invokeLocal(RpcMessage.Invocation invocation) throws Throwable {
        Object target = exported.get(invocation.target());
        if (target == null) {
            throw new IllegalStateException("No gateway '" + invocation.target() + "' here (" + address()
                    + "): it ended, or the caller holds a stale reference");
        }
        Class<?>[] types = new Class<?>[invocation.parameterTypes().length];
        for (int i = 0; i < types.length; i++) {
            String type = invocation.parameterTypes()[i];
            types[i] = PRIMITIVES.containsKey(type) ? PRIMITIVES.get(type) : Class.forName(type, false, classLoader);
        }
        Method method = Class.forName(invocation.gateway(), false, classLoader).getMethod(invocation.method(), types);
        Object result;
        try {
            result = method.invoke(target, invocation.arguments());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> future = result instanceof CompletableFuture<?> f ? (CompletableFuture<Object>) f
                : CompletableFuture.completedFuture(result);
        return future;
    }

    RpcObjectOutput objectOutput(OutputStream out) throws IOException {
        return new RpcObjectOutput(out, this);
    }

    /**
     * From now on, job graphs arriving in messages load the job's shipped jars through
     * {@code resolver} (a TaskManager's cache of the JobManager's blobs); without one, the jobs'
     * classes must be on this process's classpath.
     */
    public void resolveJobCodeWith(io.weir.runtime.graph.JobCodeResolver resolver) {
        this.jobCode = resolver;
    }

    RpcObjectInput objectInput(InputStream in) throws IOException {
        return new RpcObjectInput(in, classLoader, jobCode, this);
    }

    /**
     * Stops accepting connections, closes every connection — waiting until each is closed, so the
     * processes at their other ends see them end (stopping the event loops alone was seen to leave an
     * accepted connection open, and a caller waiting for its answer) — and stops the event loops.
     */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        for (RpcConnection connection : List.copyOf(open)) {
            connection.close(CLOSE_TIMEOUT_MILLIS);
        }
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
