package io.weir.cluster.ha;

import io.weir.api.execution.JobID;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * The running jobs of a highly available cluster, kept so that a new leader can start them again:
 * each job's serialized graph in {@code <storage>/jobgraphs/<job id>} and its jars in
 * {@code <storage>/blobs/<key>.jar}, with a pointer node {@code /jobgraphs/<job id>} in ZooKeeper
 * naming the graph's file and the jars' keys. The files are written before the pointer, so a
 * pointer always names complete files; a job is removed pointer first.
 *
 * <p>Threading: safe for concurrent use (each job's files are written by the one submission or end
 * that concerns it).
 */
public final class JobGraphStore {
    private final CuratorFramework client;
    private final Path directory;

    /** A job as stored: its serialized graph and the keys of its jars. */
    public record StoredJob(JobID jobId, byte[] graph, List<String> jarKeys) {}

    JobGraphStore(CuratorFramework client, Path directory) {
        this.client = client;
        this.directory = directory;
    }

    /** Where the jar of {@code key} is kept. */
    private Path jarPath(String key) {
        return new Path(new Path(directory, "blobs"), key + ".jar");
    }

    private Path graphPath(JobID jobId) {
        return new Path(new Path(directory, "jobgraphs"), jobId.toHexString());
    }

    /** Source of a jar's bytes by its key, for {@link #put}. */
    public interface JarSource {
        byte[] read(String key) throws IOException;
    }

    /**
     * Stores (or replaces) a running job: its jars not stored yet, its graph, then its pointer.
     *
     * @throws IOException if the storage directory or ZooKeeper refuse, saying which
     */
    public void put(JobID jobId, byte[] graph, List<String> jarKeys, JarSource jars) throws IOException {
        for (String key : jarKeys) {
            Path jar = jarPath(key);
            if (!jar.getFileSystem().exists(jar)) {
                write(jar, jars.read(key));
            }
        }
        write(graphPath(jobId), graph);
        byte[] pointer = ("graph=" + graphPath(jobId) + "\njars=" + String.join(",", jarKeys))
                .getBytes(StandardCharsets.UTF_8);
        try {
            client.create().orSetData().creatingParentsIfNeeded().forPath(node(jobId), pointer);
        } catch (Exception e) {
            throw new IOException("Cannot store the pointer to job " + jobId + " in ZooKeeper: " + e.getMessage(), e);
        }
    }

    /** What a job's pointer node names: its graph's file and its jars' keys. */
    private record Pointer(JobID jobId, String graph, List<String> jarKeys) {}

    /** Every stored job, as the leader recovers them. */
    public List<StoredJob> recoverAll() throws IOException {
        List<StoredJob> jobs = new ArrayList<>();
        for (Pointer pointer : pointers()) {
            jobs.add(new StoredJob(pointer.jobId(), read(new Path(pointer.graph())), pointer.jarKeys()));
        }
        return jobs;
    }

    private List<Pointer> pointers() throws IOException {
        List<Pointer> pointers = new ArrayList<>();
        for (String child : children()) {
            byte[] data;
            try {
                data = client.getData().forPath(ZooKeeperServices.JOB_GRAPHS + "/" + child);
            } catch (KeeperException.NoNodeException removed) {
                continue; // the job ended meanwhile
            } catch (Exception e) {
                throw new IOException("Cannot read the pointer to job " + child + " in ZooKeeper: " + e.getMessage(), e);
            }
            String graph = null;
            List<String> jarKeys = List.of();
            for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("graph=")) {
                    graph = line.substring(6);
                } else if (line.startsWith("jars=") && line.length() > 5) {
                    jarKeys = List.of(line.substring(5).split(","));
                }
            }
            if (graph == null) {
                throw new IOException("The pointer to job " + child + " in ZooKeeper names no graph file");
            }
            pointers.add(new Pointer(JobID.fromHexString(child), graph, jarKeys));
        }
        return pointers;
    }

    /** The bytes of a stored jar. */
    public byte[] readJar(String key) throws IOException {
        return read(jarPath(key));
    }

    /**
     * The job ended: removes its pointer, its graph, and the jars no other stored job uses.
     *
     * @param leaderNode the remover's election node ({@link LeaderElection#latchNode()}): the pointer is
     *     removed only while it exists, in one ZooKeeper transaction; {@code null} removes unchecked
     * @throws IOException also if {@code leaderNode} is gone: the remover no longer leads, and nothing was removed
     */
    public void remove(JobID jobId, List<String> jarKeys, String leaderNode) throws IOException {
        LeaderChecked.delete(client, node(jobId), leaderNode, "the pointer to job " + jobId);
        graphPath(jobId).getFileSystem().delete(graphPath(jobId), false);
        Set<String> stillUsed = new HashSet<>();
        for (Pointer other : pointers()) {
            stillUsed.addAll(other.jarKeys());
        }
        for (String key : jarKeys) {
            if (!stillUsed.contains(key)) {
                jarPath(key).getFileSystem().delete(jarPath(key), false);
            }
        }
    }

    private List<String> children() throws IOException {
        try {
            return client.getChildren().forPath(ZooKeeperServices.JOB_GRAPHS);
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        } catch (Exception e) {
            throw new IOException("Cannot list the stored jobs in ZooKeeper: " + e.getMessage(), e);
        }
    }

    private static String node(JobID jobId) {
        return ZooKeeperServices.JOB_GRAPHS + "/" + jobId.toHexString();
    }

    /** Writes to a temporary name, then renames, so a reader never sees half a file. */
    private static void write(Path path, byte[] bytes) throws IOException {
        FileSystem fs = path.getFileSystem();
        fs.mkdirs(path.getParent());
        Path partial = new Path(path.getParent(), "." + path.getName() + ".inprogress");
        try (FSDataOutputStream out = fs.create(partial, FileSystem.WriteMode.OVERWRITE)) {
            out.write(bytes);
        }
        fs.delete(path, false);
        if (!fs.rename(partial, path)) {
            throw new IOException("Cannot rename " + partial + " to " + path);
        }
    }

    private static byte[] read(Path path) throws IOException {
        try (FSDataInputStream in = path.getFileSystem().open(path)) {
            return in.readAllBytes();
        }
    }
}
