package io.weir.api.environment;

import io.weir.api.types.SerializerConfig;
import java.io.Serializable;

/**
 * Settings that the runtime reads while the job runs. Every setting here has an effect; there are
 * no settings kept only for show.
 */
public class ExecutionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private boolean objectReuse;
    private long autoWatermarkInterval = 200;
    private RuntimeExecutionMode runtimeMode = RuntimeExecutionMode.STREAMING;
    private final SerializerConfig serializerConfig = new SerializerConfig();

    /**
     * Lets chained operators pass records without copying them. Faster, but only safe when user
     * functions neither keep references to their input nor modify it.
     */
    public ExecutionConfig enableObjectReuse() {
        objectReuse = true;
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        objectReuse = false;
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse;
    }

    /**
     * STREAMING or BATCH. In BATCH mode keyed aggregations emit one final result per key at the end
     * of the input instead of every update. Set through {@code StreamExecutionEnvironment.setRuntimeMode};
     * AUTOMATIC is resolved to one of the two when the job is built.
     */
    public RuntimeExecutionMode getRuntimeMode() {
        return runtimeMode;
    }

    public ExecutionConfig setRuntimeMode(RuntimeExecutionMode runtimeMode) {
        this.runtimeMode = runtimeMode;
        return this;
    }

    /**
     * How often, in milliseconds of processing time, periodic watermark generators are asked for a
     * watermark (sources and {@code assignTimestampsAndWatermarks}). 0 turns periodic watermarks
     * off. Default 200.
     */
    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("The auto watermark interval must not be negative: " + interval);
        }
        this.autoWatermarkInterval = interval;
        return this;
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkInterval;
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
