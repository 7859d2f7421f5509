package io.weir.api.transformations;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The end of a stream whose elements are sent back to the client that submitted the job
 * ({@code executeAndCollect}). Runs with parallelism 1.
 */
public final class CollectTransformation<T> extends Transformation<Object> {
    private final Transformation<T> input;
    // Unique, not secret: no SecureRandom (and its start-up cost) for it, as for JobID.
    private final String collectId = new UUID(ThreadLocalRandom.current().nextLong(),
            ThreadLocalRandom.current().nextLong()).toString();

    public CollectTransformation(Transformation<T> input) {
        super("Collect Sink", null, 1);
        this.input = input;
    }

    public Transformation<T> getInput() {
        return input;
    }

    /** Identifies this sink's result channel between the job and the client. */
    public String getCollectId() {
        return collectId;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
