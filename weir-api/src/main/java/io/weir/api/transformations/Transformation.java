package io.weir.api.transformations;

import io.weir.api.operators.ChainingStrategy;
import io.weir.api.types.MissingTypeInfo;
import io.weir.api.types.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One step of a job as the API records it: a source, an operator, a repartitioning, a union or a
 * sink. Nothing runs until the job is executed; the runtime then builds the job graph from these.
 */
public abstract class Transformation<T> {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** Parallelism not set: the environment's default applies. */
    public static final int DEFAULT_PARALLELISM = -1;

    private final int id = NEXT_ID.incrementAndGet();
    private String name;
    private String uid;
    private TypeInformation<T> outputType;
    private int parallelism;
    private int maxParallelism = -1;
    private String slotSharingGroup;
    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
    private long bufferTimeout = BUFFER_TIMEOUT_OF_JOB;
    private String description;

    /** {@link #getBufferTimeout()} when the operator has none of its own and uses the job's (as Flink's -1). */
    public static final long BUFFER_TIMEOUT_OF_JOB = -1;

    protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
        this.name = name;
        this.outputType = outputType;
        this.parallelism = parallelism;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * How long this operator's partly filled output buffers wait before they are sent, in
     * milliseconds: 0 sends each record at once, {@link #BUFFER_TIMEOUT_OF_JOB} (-1) uses the job's
     * {@code execution.buffer-timeout.interval}.
     */
    public long getBufferTimeout() {
        return bufferTimeout;
    }

    public void setBufferTimeout(long bufferTimeout) {
        if (bufferTimeout < -1) {
            throw new IllegalArgumentException("The buffer timeout of operator '" + name + "' must be -1 (the job's),"
                    + " 0 (flush every record) or a number of milliseconds, not " + bufferTimeout);
        }
        this.bufferTimeout = bufferTimeout;
    }

    /** A longer description of the operator for people reading the job's plan, or {@code null}. */
    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /**
     * The type of the elements this step emits. Throws the extraction error if the type could not
     * be determined and was not given with {@code returns(...)}.
     */
    public TypeInformation<T> getOutputType() {
        if (outputType instanceof MissingTypeInfo) {
            throw ((MissingTypeInfo) outputType).toException();
        }
        return outputType;
    }

    /** The output type as recorded, possibly a {@link MissingTypeInfo}. */
    public TypeInformation<T> getOutputTypeUnchecked() {
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != DEFAULT_PARALLELISM) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The max parallelism (number of key groups), or -1 for the job's default. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException("The max parallelism of '" + name
                    + "' must be between 1 and 32768, got " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = chainingStrategy;
    }

    /** The direct inputs of this step. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + "}";
    }
}
