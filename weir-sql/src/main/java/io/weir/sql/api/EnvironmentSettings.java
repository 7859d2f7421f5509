package io.weir.sql.api;

/**
 * How a {@link TableEnvironment} runs: in streaming mode (the default; results are changelogs and
 * sources may be unbounded) or in batch mode (bounded inputs, final results).
 */
public final class EnvironmentSettings {

    private final boolean streamingMode;

    private EnvironmentSettings(boolean streamingMode) {
        this.streamingMode = streamingMode;
    }

    public static EnvironmentSettings inStreamingMode() {
        return new EnvironmentSettings(true);
    }

    public static EnvironmentSettings inBatchMode() {
        return new EnvironmentSettings(false);
    }

    public static Builder newInstance() {
        return new Builder();
    }

    public boolean isStreamingMode() {
        return streamingMode;
    }

    /** Builds {@link EnvironmentSettings}; streaming mode unless told otherwise. */
    public static final class Builder {
        private boolean streamingMode = true;

        public Builder inStreamingMode() {
            streamingMode = true;
            return this;
        }

        public Builder inBatchMode() {
            streamingMode = false;
            return this;
        }

        public EnvironmentSettings build() {
            return new EnvironmentSettings(streamingMode);
        }
    }
}
