package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.types.TypeSerializer;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.LeaderRetriever;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.network.rpc.FencingTokenException;
import io.weir.network.rpc.RpcConnectionLostException;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.collect.CollectIterator;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobJar;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.ObjectOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs pipelines on a cluster's JobManager: builds the job graph here, as the local executor does
 * (so a function that cannot be serialized fails here, naming its operator), and submits it to the
 * JobManager's dispatcher over the control plane.
 *
 * <p>The jars and class directories that the job's class loader adds to this process's classpath
 * (the {@code -c} entries of {@code bin/weir run}) are uploaded to the JobManager's blob service
 * before the job is submitted; the cluster's processes load the job's classes from them.
 *
 * <p>For a highly available cluster ({@link #forHighAvailableCluster}) it finds the leading JobManager
 * through ZooKeeper; a call on a job that loses its connection because the leader went away (such
 * as waiting for the job's result) is made again on the next leader, which recovered the job.
 *
 * <p>{@code executeAndCollect} and {@code collectAsync} fetch their results from the JobManager that runs
 * the job ({@link #collect}); its job clients also take savepoints and read live accumulators.
 *
 * <p>Threading: safe for concurrent use; owns an RPC service, closed with {@link #close()}.
 */
public final class RemoteExecutor implements PipelineExecutor, AutoCloseable {
    /** How long the upload of one of the job's jars may take. */
    private static final long UPLOAD_TIMEOUT_SECONDS = 120;

    private final RpcService rpc;
    private final ZooKeeperServices zooKeeper;
    private final LeaderRetriever leaders;
    private volatile Connection connection;

    /** The gateways of one JobManager; {@code leader} is how it was found in a highly available cluster, else {@code null}. */
    private record Connection(InetSocketAddress address, LeaderInfo leader, DispatcherGateway dispatcher,
            BlobGateway blobs) {}

    /** An executor submitting to the JobManager at {@code jobManager} ({@code host:jobmanager.rpc.port}), over plain TCP. */
    public RemoteExecutor(InetSocketAddress jobManager) {
        this(jobManager, new Configuration());
    }

    /**
     * An executor submitting to the JobManager at {@code jobManager} ({@code host:jobmanager.rpc.port}),
     * over TLS when {@code configuration} sets {@code security.ssl.internal.enabled} (the client then
     * presents the cluster's certificate, as the cluster's processes do).
     *
     * @throws io.weir.api.configuration.IllegalConfigurationException if a key store cannot be used
     */
    public RemoteExecutor(InetSocketAddress jobManager, Configuration configuration) {
        this(new LeaderInfo(jobManager, null, null), null, null, configuration);
    }

    private RemoteExecutor(LeaderInfo leader, ZooKeeperServices zooKeeper, LeaderRetriever leaders,
            Configuration configuration) {
        InetSocketAddress jobManager = leader.resolvedRpcAddress();
        this.zooKeeper = zooKeeper;
        this.leaders = leaders;
        this.rpc = ClusterGateways.rpcService(jobManager.getAddress() != null && jobManager.getAddress().isLoopbackAddress()
                ? "127.0.0.1" : "0.0.0.0", 0, ClusterGateways.internalTls(configuration));
        try {
            this.connection = connect(leader);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * An executor submitting to the leading JobManager of the highly available cluster that
     * {@code configuration} names ({@code high-availability.zookeeper.quorum}, {@code high-availability.cluster-id});
     * when the leader changes, calls that lost their connection go to the new one. TLS as in
     * {@link #RemoteExecutor(InetSocketAddress, Configuration)}.
     *
     * @throws IllegalStateException if ZooKeeper or a leader cannot be reached, saying which
     */
    public static RemoteExecutor forHighAvailableCluster(Configuration configuration) {
        ZooKeeperServices zooKeeper = ZooKeeperServices.connect(configuration);
        LeaderRetriever leaders = zooKeeper.leaderRetriever();
        try {
            return new RemoteExecutor(leaders.awaitLeader(), zooKeeper, leaders, configuration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leaders.close();
            zooKeeper.close();
            throw new IllegalStateException("Interrupted while waiting for the cluster's leader", e);
        } catch (Exception e) {
            leaders.close();
            zooKeeper.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The JobManager this executor talks to now. */
    public InetSocketAddress jobManager() {
        return connection.address();
    }

    /** Connects to {@code jobManager}, naming its leader session in every call (none without high availability). */
    private Connection connect(LeaderInfo jobManager) {
        InetSocketAddress address = jobManager.resolvedRpcAddress();
        String session = jobManager.session();
        return new Connection(address, leaders == null ? null : jobManager,
                rpc.connect(address, DispatcherGateway.NAME, DispatcherGateway.class, session),
                rpc.connect(address, BlobGateway.NAME, BlobGateway.class, session));
    }

    /**
     * Calls the dispatcher; in a highly available cluster, a call that lost its JobManager, or that a
     * JobManager refused because it no longer leads, is made again on the next leader (waiting up to
     * {@code high-availability.leader-wait-timeout} for it).
     */
    private <T> CompletableFuture<T> onDispatcher(Function<DispatcherGateway, CompletableFuture<T>> call) {
        Connection used = connection;
        CompletableFuture<T> reply;
        try {
            reply = call.apply(used.dispatcher());
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        if (leaders == null) {
            return reply;
        }
        return reply.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!(cause instanceof RpcConnectionLostException) && !(cause instanceof FencingTokenException)) {
                return CompletableFuture.failedFuture(cause);
            }
            return CompletableFuture.supplyAsync(() -> followLeader(used)).thenCompose(next -> onDispatcher(call));
        });
    }

    /** Connects to the leader after {@code lost}, unless another call already did. */
    private synchronized Connection followLeader(Connection lost) {
        if (connection != lost) {
            return connection;
        }
        try {
            connection = connect(leaders.awaitLeader(lost.leader(), zooKeeper.leaderWaitTimeout()));
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a new leader", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) throws IOException {
        JobGraph job = JobGraphBuilder.build(StreamGraphBuilder.build(pipeline, userClassLoader), userClassLoader);
        job.setJars(uploadJars(userClassLoader));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(job);
        }
        return connection.dispatcher().submitJob(bytes.toByteArray()).thenApply(RemoteJobClient::new);
    }

    /**
     * Uploads the jars (and class directories, packed as jars) that the job's class loader adds to
     * this process's classpath, so the cluster loads the job's classes from them.
     */
    private List<JobJar> uploadJars(ClassLoader userClassLoader) throws IOException {
        List<JobJar> jars = new ArrayList<>();
        for (JobClasspath.Entry entry : JobClasspath.of(userClassLoader, RemoteExecutor.class.getClassLoader())) {
            jars.add(await(connection.blobs().upload(entry.name(), entry.jar()), "upload " + entry.name()));
        }
        return jars;
    }

    private static <T> T await(CompletableFuture<T> reply, String what) throws IOException {
        try {
            return reply.get(UPLOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted: " + what);
        } catch (ExecutionException e) {
            throw new IOException("Could not " + what + " to the JobManager: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Could not " + what + " to the JobManager within " + UPLOAD_TIMEOUT_SECONDS + " s", e);
        }
    }

    /**
     * Fetches the collect sink's results from the JobManager that runs the job. Not from another one:
     * a JobManager that takes over a highly available cluster restarts the job from its latest
     * checkpoint, so the results this iterator already gave would come again. If the JobManager is lost
     * (or steps down), the iterator fails, saying so, instead of giving results twice or leaving a gap.
     */
    @Override
    public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
        Connection used = connection;
        JobID jobId = client.getJobID();
        return new CollectIterator<>(() -> used.dispatcher().fetchCollectResults(jobId, collectId)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(lostResults(failure, used))), serializer,
                () -> client.cancel().join());
    }

    private static Throwable lostResults(Throwable failure, Connection used) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RpcConnectionLostException || cause instanceof FencingTokenException) {
            return new IllegalStateException("Lost the JobManager at " + used.address() + " while collecting the job's"
                    + " results; the results given so far may be incomplete. The job may go on under another JobManager"
                    + " (high availability), but collected results are not carried over: write the results to a sink"
                    + " to keep them across a JobManager failure", cause);
        }
        return cause;
    }

    /** A client for a job already running on the cluster (submitted by this or another client). */
    public JobClient jobClient(JobID jobId) {
        return new RemoteJobClient(jobId);
    }

    @Override
    public void close() {
        if (rpc != null) {
            rpc.close();
        }
        if (leaders != null) {
            leaders.close();
            zooKeeper.close();
        }
    }

    /** A job on the cluster, followed through the dispatcher. */
    private final class RemoteJobClient implements JobClient {
        private final JobID jobId;

        RemoteJobClient(JobID jobId) {
            this.jobId = jobId;
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return onDispatcher(dispatcher -> dispatcher.jobStatus(jobId));
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return onDispatcher(dispatcher -> dispatcher.cancelJob(jobId));
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return onDispatcher(dispatcher -> dispatcher.jobResult(jobId)).thenApply(outcome ->
                    new JobExecutionResult(jobId, outcome.netRuntimeMillis(), outcome.accumulators(), Map.of()));
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            return onDispatcher(dispatcher -> dispatcher.accumulators(jobId));
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType) {
            return onDispatcher(dispatcher -> dispatcher.triggerSavepoint(jobId, savepointDirectory,
                    SnapshotType.SAVEPOINT));
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory,
                SavepointFormatType formatType) {
            return onDispatcher(dispatcher -> dispatcher.triggerSavepoint(jobId, savepointDirectory,
                    advanceToEndOfEventTime ? SnapshotType.SAVEPOINT_TERMINATE : SnapshotType.SAVEPOINT_SUSPEND));
        }

        @Override
        public String toString() {
            return "JobClient{" + jobId + " on " + connection.address() + "}";
        }
    }
}
