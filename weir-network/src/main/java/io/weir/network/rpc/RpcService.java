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
 * <h2>Fencing</h2>
 * In a highly available cluster a JobManager's calls must not be confused with a former leader's. The
 * leading JobManager's service {@link #leadAs leads under a session} (its fencing token): every
 * reference it hands out and every call it sends names that session, and it refuses, with a
 * {@link FencingTokenException}, every call that does not name it — calls made to a former leader that
 * still runs at the same address, or to this process after it lost its leadership
 * ({@link #stopLeading}). A TaskManager's service {@link #acceptCallsOnlyFrom accepts calls only from}
 * the session of the leader it follows, so the messages of a former leader are dropped, and it sends
 * nothing more to a former leader (a task's end, cancelled because the leader changed, must not reach
 * the old leader and end the job there). A service that
 * does neither (without high availability) accepts every call.
 *
 * <p>Threading: safe for use from any thread; connections run on Netty event-loop threads.
 */
public final class RpcService implements AutoCloseable {
    /** How long a call of a method that returns a plain value waits for it. */
    public static final long SYNC_CALL_TIMEOUT_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long CLOSE_TIMEOUT_MILLIS = 2_000;
    /** How long {@link #close} lets the calls that already arrived run before it closes their connections. */
    static final long DRAIN_TIMEOUT_MILLIS = 5_000;
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
    /** Whether arriving calls must name {@link #ownToken}: set once this process took part in an election. */
    private volatile boolean fenced;
    /** The leader session this process leads under, or {@code null} while it does not lead. */
    private volatile String ownToken;
    /** Whether arriving calls must come from {@link #acceptedSender}. */
    private volatile boolean sendersFenced;
    /** The leader session whose calls this process accepts, or {@code null} while it follows none. */
    private volatile String acceptedSender;
    /** TLS on every connection, or {@code null} for plain TCP. */
    private final io.weir.network.InternalTls tls;

    /**
     * Starts listening on {@code bindAddress} (port 0 picks a free one; see {@link #address()}).
     *
     * @param classLoader resolves the classes of arriving messages (the user code of jobs among them)
     * @param gateways the interfaces whose implementations travel by reference
     * @throws IllegalStateException if the port cannot be bound, naming it
     */
    public RpcService(InetSocketAddress bindAddress, ClassLoader classLoader, List<Class<?>> gateways) {
        this(bindAddress, classLoader, gateways, null);
    }

    /**
     * Starts listening on {@code bindAddress}, with TLS on every connection, accepted or opened, when
     * {@code tls} is given ({@code null}: plain TCP).
     *
     * @throws IllegalStateException if the port cannot be bound, naming it
     */
    public RpcService(InetSocketAddress bindAddress, ClassLoader classLoader, List<Class<?>> gateways,
            io.weir.network.InternalTls tls) {
        this.tls = tls;
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
                if (tls != null) {
                    tls.secureAccepted(ch, "control-plane");
                }
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

    /**
     * Stops serving {@code target}, whether it was exported by name or travelled by reference (a
     * JobMaster handed to TaskExecutors): calls that still arrive for it fail saying it ended. A
     * process must unexport what it no longer serves, or the service keeps it, and all it refers to
     * (a job's classes), for as long as the process lives.
     */
    public void unexport(Object target) {
        String name;
        synchronized (exportedNames) {
            name = exportedNames.remove(target);
        }
        if (name != null) {
            exported.remove(name, target);
        }
    }

    /** A proxy of the {@code gateway} exported as {@code name} by the unfenced process at {@code address}. */
    public <T> T connect(InetSocketAddress address, String name, Class<T> gateway) {
        return connect(address, name, gateway, null);
    }

    /**
     * A proxy of the {@code gateway} exported as {@code name} by the process at {@code address}, which
     * leads under the session {@code fencingToken} ({@code null}: an unfenced process); its calls are
     * refused once that process no longer leads under that session.
     */
    public <T> T connect(InetSocketAddress address, String name, Class<T> gateway, String fencingToken) {
        return gateway.cast(proxyFor(new RpcMessage.RemoteRef(address.getHostString(), address.getPort(), name,
                gateway.getName(), fencingToken)));
    }

    /**
     * From now on this process leads under {@code session}: it accepts only calls that name it, and names
     * it in its own calls and in the references it hands out.
     */
    public void leadAs(String session) {
        ownToken = java.util.Objects.requireNonNull(session, "session");
        fenced = true;
    }

    /** From now on this process refuses every call made for a leader session (it lost its leadership). */
    public void stopLeading() {
        fenced = true;
        ownToken = null;
    }

    /**
     * From now on this process accepts only calls sent by the leader session {@code leaderSession}
     * ({@code null}: by none, while no leader is known); the others are refused, or dropped if one-way.
     */
    public void acceptCallsOnlyFrom(String leaderSession) {
        acceptedSender = leaderSession;
        sendersFenced = true;
    }

    /**
     * Whether a call to a process reached under the leader session {@code targetToken} must not leave:
     * this process follows another leader (or none), so the former leader hears nothing more from it.
     */
    boolean followsAnotherLeaderThan(String targetToken) {
        return sendersFenced && targetToken != null && !targetToken.equals(acceptedSender);
    }

    /** The leader session this process leads under, or {@code null}. */
    String fencingToken() {
        return ownToken;
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
                return new RpcMessage.RemoteRef(own.getHostString(), own.getPort(), name, gateway.getName(), ownToken);
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
                            if (tls != null) {
                                tls.secureConnecting(ch, address);
                            }
                            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 30, 0, 4, 0, 4), connection);
                        }
                    })
                    .connect(address)
                    .awaitUninterruptibly();
            if (!connected.isSuccess()) {
                throw new RpcConnectionLostException("Could not connect to " + address + ": " + connected.cause()
                        + ". Is the process running and its RPC port reachable from here?", connected.cause());
            }
            try {
                io.weir.network.InternalTls.awaitHandshake(connected.channel(), "the control-plane connection to " + address);
            } catch (IllegalStateException e) {
                throw new RpcConnectionLostException(e.getMessage(), e.getCause());
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
        checkFencing(invocation);
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

    private void checkFencing(RpcMessage.Invocation invocation) {
        String call = invocation.method() + " of " + invocation.target() + " refused at " + address() + ": ";
        String token = ownToken;
        if (fenced && !java.util.Objects.equals(token, invocation.targetToken())) {
            throw new FencingTokenException(call + (token == null ? "this process does not lead the cluster (any more)"
                    : invocation.targetToken() == null ? "the caller named no leader session, but this process leads a"
                            + " highly available cluster: find it through the cluster's high-availability settings"
                    : "the call was meant for leader session " + invocation.targetToken() + ", this process leads as "
                            + token) + ". Call the current leader.");
        }
        String accepted = acceptedSender;
        if (sendersFenced && !java.util.Objects.equals(accepted, invocation.senderToken())) {
            throw new FencingTokenException(call + "it was sent by leader session " + invocation.senderToken()
                    + ", but this process follows " + (accepted == null ? "no leader at the moment"
                    : "leader session " + accepted) + ": a former leader's call is dropped.");
        }
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
     * Stops accepting connections, lets the calls that already arrived finish running (at most
     * {@link #DRAIN_TIMEOUT_MILLIS}; later calls are refused), closes every connection — waiting until
     * each is closed, so the processes at their other ends see them end (stopping the event loops alone
     * was seen to leave an accepted connection open, and a caller waiting for its answer) — and stops
     * the event loops.
     */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MILLIS);
        for (RpcConnection connection : List.copyOf(open)) {
            connection.finishInvocations(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        for (RpcConnection connection : List.copyOf(open)) {
            connection.close(CLOSE_TIMEOUT_MILLIS);
        }
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
