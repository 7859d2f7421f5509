package io.weir.api.functions.async;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/** Which outcomes of an async call are worth another attempt. */
public interface AsyncRetryPredicate<OUT> {
    /** Retry when the result matches (e.g. empty); empty to never retry on results. */
    Optional<Predicate<Collection<OUT>>> resultPredicate();

    /** Retry when the call failed with a matching error; empty to never retry on errors. */
    Optional<Predicate<Throwable>> exceptionPredicate();
}
