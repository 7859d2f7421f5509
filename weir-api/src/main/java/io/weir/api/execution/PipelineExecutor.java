package io.weir.api.execution;

import io.weir.api.types.TypeSerializer;
import java.util.concurrent.CompletableFuture;

/** Submits a {@link Pipeline} to a cluster. The runtime provides implementations. */
public interface PipelineExecutor {
    CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) throws Exception;

    /**
     * Opens an iterator over the results that a collect sink of the given job sends, identified by
     * the collect sink's id.
     */
    <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer);
}
