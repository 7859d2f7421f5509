package io.weir.api.functions.async;

import java.util.Collection;

/**
 * Where an {@link AsyncFunction} delivers the result of one input, from any thread. Only the first
 * completion counts; later ones are ignored.
 */
public interface ResultFuture<OUT> {
    /** The results for the input (possibly none); they are emitted with the input's timestamp. */
    void complete(Collection<OUT> result);

    /** The call failed: the job fails with {@code error}, unless a retry strategy retries it. */
    void completeExceptionally(Throwable error);
}
