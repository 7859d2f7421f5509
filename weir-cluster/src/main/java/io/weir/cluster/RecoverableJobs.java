package io.weir.cluster;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.execution.JobID;
import io.weir.cluster.ha.CheckpointPointerStore;
import io.weir.cluster.ha.JobGraphStore;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobJar;
import io.weir.runtime.minicluster.JobLifecycleHook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's record of its running jobs in a highly available cluster, and their recovery by the
 * next leader: every job that starts is stored (graph and jars, {@link JobGraphStore}) before its
 * JobMaster exists, every completed checkpoint is recorded ({@link CheckpointPointerStore}) before the
 * tasks commit anything for it, and a job that ends is forgotten. A job that sets no
 * {@code execution.checkpointing.dir} checkpoints into the HA storage directory, since a checkpoint
 * kept in the leader's memory would die with it.
 *
 * <p>While the JobManager stops without ending its jobs ({@link #suspend}: it is shutting down or
 * lost its leadership) the records stay, for the next leader.
 *
 * <p>Threading: called by the cluster around each job (see {@link JobLifecycleHook}); the stores
 * are thread-safe.
 */
final class RecoverableJobs implements JobLifecycleHook {
    private static final Logger LOG = LoggerFactory.getLogger(RecoverableJobs.class);

    private final JobGraphStore graphs;
    private final CheckpointPointerStore checkpoints;
    private final BlobStore blobs;
    private final String defaultCheckpointDirectory;
    /** The leader's election node of this term; its removals check it ({@link JobGraphStore#remove}); null: unchecked. */
    private final String leaderNode;
    private volatile boolean suspended;

    RecoverableJobs(JobGraphStore graphs, CheckpointPointerStore checkpoints, BlobStore blobs,
            String defaultCheckpointDirectory, String leaderNode) {
        this.graphs = graphs;
        this.checkpoints = checkpoints;
        this.blobs = blobs;
        this.defaultCheckpointDirectory = defaultCheckpointDirectory;
        this.leaderNode = leaderNode;
    }

    @Override
    public void beforeStart(JobGraph job) {
        if (job.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty()) {
            job.getConfiguration().set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, defaultCheckpointDirectory);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(job);
            }
            graphs.put(job.getJobId(), bytes.toByteArray(), jarKeys(job), key -> Files.readAllBytes(blobs.path(key)));
        } catch (IOException e) {
            throw new UncheckedIOException("Job '" + job.getName() + "' cannot be stored for recovery by another"
                    + " JobManager, so it is not started: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkpointCompleted(JobGraph job, CompletedCheckpoint checkpoint) throws Exception {
        if (checkpoint.externalPointer() != null) {
            checkpoints.put(job.getJobId(), checkpoint.id(), checkpoint.externalPointer());
        }
    }

    @Override
    public void afterEnd(JobGraph job) {
        if (suspended) {
            return; // the next leader resumes the job
        }
        try {
            checkpoints.remove(job.getJobId(), leaderNode);
            graphs.remove(job.getJobId(), jarKeys(job), leaderNode);
        } catch (IOException e) {
            LOG.warn("Job '{}' ({}) ended, but its records for recovery could not be removed; a new leader would"
                    + " run it again", job.getName(), job.getJobId(), e);
        }
    }

    /** From now on, jobs that stop here stay recorded for the next leader. */
    void suspend() {
        suspended = true;
    }

    /**
     * Hands every stored job to {@code dispatcher}, with its jars put back into the blob store and
     * its latest completed checkpoint.
     *
     * @return how many jobs were recovered
     */
    int recoverInto(Dispatcher dispatcher) throws IOException {
        List<JobGraphStore.StoredJob> stored = graphs.recoverAll();
        for (JobGraphStore.StoredJob job : stored) {
            for (String key : job.jarKeys()) {
                JobJar restored = blobs.upload(key, graphs.readJar(key)).join();
                if (!restored.key().equals(key)) {
                    throw new IOException("The stored jar " + key + " of job " + job.jobId() + " is corrupt (its"
                            + " SHA-256 is " + restored.key() + ")");
                }
            }
            JobID jobId = job.jobId();
            dispatcher.recover(job.graph(), checkpoints.latest(jobId).orElse(null));
        }
        return stored.size();
    }

    private static List<String> jarKeys(JobGraph job) {
        return job.getJars().stream().map(JobJar::key).toList();
    }

    /** {@code <HA storage>/checkpoints}, as a checkpoint directory setting. */
    static String checkpointDirectoryUnder(io.weir.api.fs.Path haStorage) {
        return CheckpointStorage.pointer(new io.weir.api.fs.Path(haStorage, "checkpoints"));
    }
}
