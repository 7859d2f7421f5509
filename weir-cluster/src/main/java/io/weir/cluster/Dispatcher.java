package io.weir.cluster;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.graph.JobCodeResolver;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.UserCodeObjectInputStream;
import io.weir.runtime.jobmaster.JobMaster;
import io.weir.runtime.minicluster.MiniCluster;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts jobs for the JobManager's cluster and answers questions about them. A job whose graph
 * cannot be read (a class missing on the cluster's classpath, a corrupt upload) is refused with a
 * message that says so.
 *
 * <p>Threading: safe for concurrent use; each job runs on its JobMaster's main thread.
 */
final class Dispatcher implements DispatcherGateway {
    private final MiniCluster cluster;
    private final ClassLoader classLoader;
    private final JobCodeResolver jobCode;
    private final Map<JobID, JobMaster> jobs = new ConcurrentHashMap<>();

    /** @param jobCode loads the shipped jars of a submitted job (from the JobManager's blob store) */
    Dispatcher(MiniCluster cluster, ClassLoader classLoader, JobCodeResolver jobCode) {
        this.cluster = cluster;
        this.classLoader = classLoader;
        this.jobCode = jobCode;
    }

    @Override
    public CompletableFuture<JobID> submitJob(byte[] jobGraph) {
        JobGraph job;
        try (UserCodeObjectInputStream in = new UserCodeObjectInputStream(new ByteArrayInputStream(jobGraph),
                classLoader, jobCode)) {
            job = (JobGraph) in.readObject();
        } catch (ClassNotFoundException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The JobManager cannot load class "
                    + e.getMessage() + " of the submitted job: submit the job's jar with it (bin/weir run -m ... -c"
                    + " <job jar>) or put it on the cluster's classpath (lib/)", e));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The submitted job graph cannot be read: " + e, e));
        }
        JobMaster jobMaster;
        try {
            jobMaster = cluster.submit(job); // the cluster's JobJarShipping keeps the job's jars while it runs
        } catch (RuntimeException e) {
            job.releaseUserCode();
            return CompletableFuture.failedFuture(e);
        }
        jobs.put(job.getJobId(), jobMaster);
        return CompletableFuture.completedFuture(job.getJobId());
    }

    @Override
    public CompletableFuture<JobOutcome> jobResult(JobID jobId) {
        return jobMaster(jobId).thenCompose(JobMaster::result).thenApply(result ->
                new JobOutcome(result.getNetRuntime(), Map.copyOf(result.getAllAccumulatorResults())));
    }

    @Override
    public CompletableFuture<JobStatus> jobStatus(JobID jobId) {
        return jobMaster(jobId).thenCompose(JobMaster::status);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return jobMaster(jobId).thenCompose(JobMaster::cancel);
    }

    private CompletableFuture<JobMaster> jobMaster(JobID jobId) {
        JobMaster jobMaster = jobs.get(jobId);
        return jobMaster != null ? CompletableFuture.completedFuture(jobMaster)
                : CompletableFuture.failedFuture(new IllegalArgumentException("This JobManager knows no job " + jobId));
    }
}
