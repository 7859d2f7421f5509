package io.weir.api.environment;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.configuration.ReadableConfig;
import io.weir.api.types.SerializerConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Settings that the runtime reads while the job runs. Every setting here has an effect; there are
 * no settings kept only for show. The values live in a {@link Configuration} (the environment's),
 * under the keys each setter names, so {@code env.configure(...)}, {@code -D key=value} and these
 * setters all change the same thing.
 */
public class ExecutionConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Where the settings live: the environment's configuration, so both always agree. */
    private final Configuration configuration;
    private final SerializerConfig serializerConfig = new SerializerConfig();

    /** Settings of their own, with the options' defaults. */
    public ExecutionConfig() {
        this(new Configuration());
    }

    /** Settings read from and written to {@code configuration} (the environment passes its own). */
    public ExecutionConfig(Configuration configuration) {
        this.configuration = configuration;
        serializerConfig.setGenericTypes(configuration.get(PipelineOptions.GENERIC_TYPES));
    }

    /**
     * Takes every setting {@code config} holds; the rest stay as they are. The class loader is the
     * one user classes named in the configuration would come from (none are, yet).
     */
    public void configure(ReadableConfig config, ClassLoader classLoader) {
        if (config instanceof Configuration) {
            configuration.addAll((Configuration) config);
        } else {
            config.toMap().forEach(configuration::setString);
        }
        config.getOptional(PipelineOptions.GENERIC_TYPES).ifPresent(serializerConfig::setGenericTypes);
    }

    /**
     * Lets chained operators pass records without copying them. Faster, but only safe when user
     * functions neither keep references to their input nor modify it ({@code pipeline.object-reuse}).
     */
    public ExecutionConfig enableObjectReuse() {
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        configuration.set(PipelineOptions.OBJECT_REUSE, false);
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return configuration.get(PipelineOptions.OBJECT_REUSE);
    }

    /**
     * STREAMING or BATCH ({@code execution.runtime-mode}). In BATCH mode keyed aggregations emit one
     * final result per key at the end of the input instead of every update. Set through
     * {@code StreamExecutionEnvironment.setRuntimeMode}; AUTOMATIC is resolved to one of the two
     * when the job is built.
     */
    public RuntimeExecutionMode getRuntimeMode() {
        return configuration.get(ExecutionOptions.RUNTIME_MODE);
    }

    public ExecutionConfig setRuntimeMode(RuntimeExecutionMode runtimeMode) {
        configuration.set(ExecutionOptions.RUNTIME_MODE, runtimeMode);
        return this;
    }

    /**
     * How often, in milliseconds of processing time, periodic watermark generators are asked for a
     * watermark (sources and {@code assignTimestampsAndWatermarks}). 0 turns periodic watermarks
     * off. Default 200 ({@code pipeline.auto-watermark-interval}).
     */
    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("The auto watermark interval must not be negative: " + interval);
        }
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(interval));
        return this;
    }

    public long getAutoWatermarkInterval() {
        return configuration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    /** Registration of types for the generic serializer, and whether generic types are allowed at all. */
    public SerializerConfig getSerializerConfig() {
        return serializerConfig;
    }

    /**
     * A deep copy, taken when a job is submitted: what the job builder resolves (such as AUTOMATIC
     * mode) goes into the job's copy and never back into the environment.
     */
    public ExecutionConfig copy() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(this);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (ExecutionConfig) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not copy the execution config: a registered serializer or type "
                    + "is not serializable", e);
        }
    }
}
