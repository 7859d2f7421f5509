package io.weir.cluster.ha;

import io.weir.api.execution.JobID;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * The latest completed checkpoint of each running job, as a pointer (the checkpoint's directory) in
 * the ZooKeeper node {@code /checkpoints/<job id>}: the leader writes it once a checkpoint's
 * metadata is durable and before the tasks hear that it completed or an older one is discarded, so
 * the pointer names a checkpoint that exists and that every committed side effect is part of. A new
 * leader restores each job from it.
 *
 * <p>Threading: safe for concurrent use.
 */
public final class CheckpointPointerStore {
    private final CuratorFramework client;

    CheckpointPointerStore(CuratorFramework client) {
        this.client = client;
    }

    /** Records {@code pointer} (a checkpoint directory) as the job's latest completed checkpoint. */
    public void put(JobID jobId, long checkpointId, String pointer) throws IOException {
        byte[] data = ("id=" + checkpointId + "\npointer=" + pointer).getBytes(StandardCharsets.UTF_8);
        try {
            client.create().orSetData().creatingParentsIfNeeded().forPath(node(jobId), data);
        } catch (Exception e) {
            throw new IOException("Cannot record checkpoint " + checkpointId + " of job " + jobId + " in ZooKeeper: "
                    + e.getMessage(), e);
        }
    }

    /** The directory of the job's latest completed checkpoint, if it completed one. */
    public Optional<String> latest(JobID jobId) throws IOException {
        byte[] data;
        try {
            data = client.getData().forPath(node(jobId));
        } catch (KeeperException.NoNodeException none) {
            return Optional.empty();
        } catch (Exception e) {
            throw new IOException("Cannot read the latest checkpoint of job " + jobId + " from ZooKeeper: "
                    + e.getMessage(), e);
        }
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("pointer=")) {
                return Optional.of(line.substring(8));
            }
        }
        return Optional.empty();
    }

    /**
     * The job ended: forgets its checkpoints.
     *
     * @param leaderNode as for {@link JobGraphStore#remove}: removed only while the remover's election node exists
     */
    public void remove(JobID jobId, String leaderNode) throws IOException {
        LeaderChecked.delete(client, node(jobId), leaderNode, "the checkpoint pointer of job " + jobId);
    }

    private static String node(JobID jobId) {
        return ZooKeeperServices.CHECKPOINTS + "/" + jobId.toHexString();
    }
}
