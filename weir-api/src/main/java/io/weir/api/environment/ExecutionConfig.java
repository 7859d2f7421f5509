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

    /** Registration of types for the generic serializer, and whether generic types are allowed at all. */
    public SerializerConfig getSerializerConfig() {
        return serializerConfig;
    }
}
