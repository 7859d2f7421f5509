package io.weir.api.functions.async;

import java.io.Serializable;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/** Ready-made {@link AsyncRetryStrategy}s: none, fixed delay, exponential backoff. */
public final class AsyncRetryStrategies {
    private AsyncRetryStrategies() {}

    /** Never retries. */
    @SuppressWarnings("rawtypes")
    public static final AsyncRetryStrategy NO_RETRY_STRATEGY = new Strategy<>(1, attempt -> 0L, null, null);

    /** Serializable retry conditions. */
    public interface SerializablePredicate<T> extends Predicate<T>, Serializable {}

    private interface Backoff extends Serializable {
        long after(int attempt);
    }

    private static final class Strategy<OUT> implements AsyncRetryStrategy<OUT>, AsyncRetryPredicate<OUT> {
        private static final long serialVersionUID = 1L;

        private final int maxAttempts;
        private final Backoff backoff;
        private final SerializablePredicate<Collection<OUT>> resultPredicate;
        private final SerializablePredicate<Throwable> exceptionPredicate;

        Strategy(int maxAttempts, Backoff backoff, SerializablePredicate<Collection<OUT>> resultPredicate,
                SerializablePredicate<Throwable> exceptionPredicate) {
            this.maxAttempts = maxAttempts;
            this.backoff = backoff;
            this.resultPredicate = resultPredicate;
            this.exceptionPredicate = exceptionPredicate;
        }

        @Override
        public boolean canRetry(int currentAttempts) {
            return currentAttempts < maxAttempts;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            return backoff.after(currentAttempts);
        }

        @Override
        public AsyncRetryPredicate<OUT> getRetryPredicate() {
            return this;
        }

        @Override
        public Optional<Predicate<Collection<OUT>>> resultPredicate() {
            return Optional.ofNullable(resultPredicate);
        }

        @Override
        public Optional<Predicate<Throwable>> exceptionPredicate() {
            return Optional.ofNullable(exceptionPredicate);
        }
    }

    private static void checkAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts counts the first call and must be at least 1, got "
                    + maxAttempts);
        }
    }

    /** Retries up to {@code maxAttempts} attempts in all, {@code backoffTimeMillis} apart. */
    public static final class FixedDelayRetryStrategyBuilder<OUT> {
        private final int maxAttempts;
        private final long backoffTimeMillis;
        private SerializablePredicate<Collection<OUT>> resultPredicate;
        private SerializablePredicate<Throwable> exceptionPredicate;

        public FixedDelayRetryStrategyBuilder(int maxAttempts, long backoffTimeMillis) {
            checkAttempts(maxAttempts);
            if (backoffTimeMillis < 0) {
                throw new IllegalArgumentException("The backoff must not be negative: " + backoffTimeMillis);
            }
            this.maxAttempts = maxAttempts;
            this.backoffTimeMillis = backoffTimeMillis;
        }

        public FixedDelayRetryStrategyBuilder<OUT> ifResult(SerializablePredicate<Collection<OUT>> predicate) {
            this.resultPredicate = predicate;
            return this;
        }

        public FixedDelayRetryStrategyBuilder<OUT> ifException(SerializablePredicate<Throwable> predicate) {
            this.exceptionPredicate = predicate;
            return this;
        }

        public AsyncRetryStrategy<OUT> build() {
            long delay = backoffTimeMillis;
            return new Strategy<>(maxAttempts, attempt -> delay, resultPredicate, exceptionPredicate);
        }
    }

    /**
     * Retries up to {@code maxAttempts} attempts in all, waiting {@code initialDelay} first and
     * {@code multiplier} times longer each time, at most {@code maxRetryDelay}.
     */
    public static final class ExponentialBackoffDelayRetryStrategyBuilder<OUT> {
        private final int maxAttempts;
        private final long initialDelay;
        private final long maxRetryDelay;
        private final double multiplier;
        private SerializablePredicate<Collection<OUT>> resultPredicate;
        private SerializablePredicate<Throwable> exceptionPredicate;

        public ExponentialBackoffDelayRetryStrategyBuilder(int maxAttempts, long initialDelay, long maxRetryDelay,
                double multiplier) {
            checkAttempts(maxAttempts);
            if (initialDelay < 0 || maxRetryDelay < initialDelay || multiplier < 1.0) {
                throw new IllegalArgumentException("Need 0 <= initialDelay <= maxRetryDelay and multiplier >= 1, got "
                        + initialDelay + ", " + maxRetryDelay + ", " + multiplier);
            }
            this.maxAttempts = maxAttempts;
            this.initialDelay = initialDelay;
            this.maxRetryDelay = maxRetryDelay;
            this.multiplier = multiplier;
        }

        public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifResult(SerializablePredicate<Collection<OUT>> predicate) {
            this.resultPredicate = predicate;
            return this;
        }

        public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifException(SerializablePredicate<Throwable> predicate) {
            this.exceptionPredicate = predicate;
            return this;
        }

        public AsyncRetryStrategy<OUT> build() {
            long initial = initialDelay;
            long max = maxRetryDelay;
            double factor = multiplier;
            return new Strategy<>(maxAttempts,
                    attempt -> (long) Math.min(max, initial * Math.pow(factor, attempt - 1)),
                    resultPredicate, exceptionPredicate);
        }
    }
}
