package io.weir.runtime.restart;

import java.time.Duration;

/** Never restarts: the first failure fails the job. */
public final class NoRestartStrategy implements RestartStrategy {
    @Override
    public Duration onFailure(long nowMillis) {
        return null;
    }

    @Override
    public String describe() {
        return "restart-strategy.type is 'none'";
    }
}
