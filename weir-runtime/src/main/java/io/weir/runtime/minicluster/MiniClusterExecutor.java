package io.weir.runtime.minicluster;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.collect.CollectIterator;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.runtime.jobmaster.JobMaster;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Runs pipelines on a MiniCluster: either a shared, running one (test extensions), or a new one per
 * job sized to the job's slots and shut down when the job ends (the local environment).
 */
public final class MiniClusterExecutor implements PipelineExecutor {
    private final MiniCluster sharedCluster;
    private final Configuration configuration;

    private MiniClusterExecutor(MiniCluster sharedCluster, Configuration configuration) {
        this.sharedCluster = sharedCluster;
        this.configuration = configuration;
    }

    /** Runs every job on its own MiniCluster. */
    public static MiniClusterExecutor perJob(Configuration configuration) {
        return new MiniClusterExecutor(null, configuration);
    }

    /** Runs jobs on a running cluster that the caller owns. */
    public static MiniClusterExecutor on(MiniCluster cluster) {
        return new MiniClusterExecutor(cluster, new Configuration());
    }

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) {
        JobGraph job = JobGraphBuilder.build(StreamGraphBuilder.build(pipeline, userClassLoader), userClassLoader);
        MiniCluster cluster = sharedCluster;
        if (cluster == null) {
            int taskManagers = configuration.get(MiniClusterOptions.NUM_TASK_MANAGERS);
            int slots = configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS)
                    .orElse(Math.max(1, (job.requiredSlots() + taskManagers - 1) / taskManagers));
            MiniCluster perJob = new MiniCluster(taskManagers, slots, Clock.systemUTC(), configuration).start();
            JobMaster jobMaster = perJob.submit(job);
            jobMaster.result().whenCompleteAsync((r, e) -> perJob.close());
            return CompletableFuture.completedFuture(new MiniClusterJobClient(jobMaster));
        }
        return CompletableFuture.completedFuture(new MiniClusterJobClient(cluster.submit(job)));
    }

    @Override
    public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
        JobMaster jobMaster = ((MiniClusterJobClient) client).jobMaster();
        return new CollectIterator<>(() -> jobMaster.fetchCollectResults(collectId), serializer,
                () -> client.cancel().join());
    }
}
