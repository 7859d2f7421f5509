package io.weir.cli.sql;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.RemoteExecutor;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobID;
import io.weir.api.execution.SavepointFormatType;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.jobmaster.JobDetails;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import io.weir.sql.api.ValidationException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded cluster the client's jobs run on: one MiniCluster for the whole session, so that
 * INSERT jobs run in the background while the prompt takes the next statement, and {@code SHOW
 * JOBS} / {@code STOP JOB} see them all, as with Flink's session cluster.
 *
 * <p>It has one task manager with {@code taskmanager.numberOfTaskSlots} slots (default
 * {@value #DEFAULT_SLOTS}: slots of an embedded cluster are only a count, and background jobs
 * hold theirs while they run). Jobs get {@code parallelism.default} or the number of cores.
 *
 * <p>Threading: the statements run on the client's thread; {@link #close} may be called from any
 * thread. Closing cancels the jobs that still run (they live in this process).
 */
public final class ClientCluster implements AutoCloseable {

    static final int DEFAULT_SLOTS = 32;
    private static final long STOP_TIMEOUT_SECONDS = 600;

    /** The embedded cluster, or null when the jobs go to a remote one. */
    private final MiniCluster cluster;
    /** The remote cluster's executor ({@code -m}), or null for the embedded cluster. */
    private final RemoteExecutor remote;
    private final Configuration configuration;

    private ClientCluster(MiniCluster cluster, RemoteExecutor remote, Configuration configuration) {
        this.cluster = cluster;
        this.remote = remote;
        this.configuration = configuration;
    }

    /** Starts the cluster with {@code configuration} (conf/config.yaml and -D); its jobs get the same settings. */
    public static ClientCluster start(Configuration configuration) {
        Configuration jobs = new Configuration(configuration);
        if (!jobs.contains(PipelineOptions.PARALLELISM)) {
            jobs.set(PipelineOptions.PARALLELISM, Runtime.getRuntime().availableProcessors());
        }
        int slots = configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(DEFAULT_SLOTS);
        return new ClientCluster(new MiniCluster(1, slots, Clock.systemUTC(), configuration).start(), null, jobs);
    }

    /**
     * Submits the client's jobs to the running cluster whose JobManager listens at {@code jobManager}
     * ({@code bin/weir sql -m host:port}, its {@code jobmanager.rpc.port}), as {@code bin/weir run -m}
     * does. Jobs get {@code parallelism.default} if set, otherwise the cluster's default. Closing
     * the client leaves them running there.
     */
    public static ClientCluster connect(Configuration configuration, RemoteExecutor jobManager) {
        return new ClientCluster(null, jobManager, new Configuration(configuration));
    }

    /**
     * Makes the calling thread's {@code StreamExecutionEnvironment.getExecutionEnvironment()} submit
     * to this cluster; the SQL session asks for an environment per job on that thread.
     */
    void bindToCurrentThread() {
        StreamExecutionEnvironment.initializeThreadContextEnvironment(fromCode -> {
            Configuration merged = new Configuration(configuration);
            merged.addAll(fromCode);
            return new StreamExecutionEnvironment(remote != null ? remote : MiniClusterExecutor.on(cluster), merged);
        });
    }

    void unbindFromCurrentThread() {
        StreamExecutionEnvironment.resetThreadContextEnvironment();
    }

    /** The cluster's jobs, running and recently ended, oldest first. */
    List<JobDetails> jobs() {
        if (remote != null) {
            throw new ValidationException("SHOW JOBS lists the jobs of the client's embedded cluster; for the cluster at "
                    + remote.jobManager() + " run bin/weir list -m <its REST address>");
        }
        return cluster.jobDetails().join().stream().sorted(Comparator.comparingLong(JobDetails::startTime)).toList();
    }

    /**
     * Stops a job: cancels it, or with {@code withSavepoint} stops it with a savepoint into
     * {@code savepointDirectory} ({@code null}: the job's {@code execution.checkpointing.savepoint-dir}).
     *
     * @param jobs the jobs this client submitted, by id
     * @return the savepoint's path, or {@code null} without one
     * @throws ValidationException if the id names no running job of this client
     */
    static String stop(Map<JobID, JobClient> jobs, String jobId, boolean withSavepoint, boolean drain,
            String savepointDirectory) throws InterruptedException {
        JobID id;
        try {
            id = JobID.fromHexString(jobId);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("'" + jobId + "' is not a job id (32 hex digits); SHOW JOBS lists the ids");
        }
        JobClient job = jobs.get(id);
        if (job == null || job.getJobStatus().join().isTerminal()) {
            throw new ValidationException("No running job has the id " + jobId + "; SHOW JOBS lists the jobs");
        }
        try {
            if (!withSavepoint) {
                job.cancel().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return null;
            }
            return job.stopWithSavepoint(drain, savepointDirectory, SavepointFormatType.CANONICAL)
                    .get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ValidationException("Could not stop job " + jobId + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ValidationException("Job " + jobId + " did not stop within " + STOP_TIMEOUT_SECONDS + " s");
        }
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close(); // the jobs keep running on the cluster, as with Flink's session cluster
        } else {
            cluster.close();
        }
    }
}
