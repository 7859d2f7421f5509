package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.transformations.SideOutputTransformation;
import io.weir.api.transformations.Transformation;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeHint;
import io.weir.api.types.TypeInformation;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A stream produced by one operator, whose settings (name, parallelism, chaining, type) can be set. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
    private final Map<String, TypeInformation<?>> requestedSideOutputs = new HashMap<>();
    /** Set for operators that must see the whole stream in one subtask (the windowAll operators). */
    private boolean nonParallel;

    protected SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public String getName() {
        return transformation.getName();
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id for the operator's state across job versions (savepoints). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (nonParallel && parallelism != 1) {
            throw new IllegalArgumentException("Operator '" + getName() + "' is not parallel: it sees the whole"
                    + " stream in one subtask (as windowAll and countWindowAll do), so its parallelism must be 1, not "
                    + parallelism + ". Key the stream with keyBy(...) and use window(...) to run windows in parallel.");
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        if (nonParallel && maxParallelism != 1) {
            throw new IllegalArgumentException("Operator '" + getName() + "' is not parallel (windowAll or"
                    + " countWindowAll), so its max parallelism must be 1, not " + maxParallelism + ".");
        }
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Pins the operator to one subtask for good: a later {@link #setParallelism} other than 1 fails. */
    public SingleOutputStreamOperator<T> forceNonParallel() {
        transformation.setParallelism(1);
        transformation.setMaxParallelism(1);
        nonParallel = true;
        return this;
    }

    /**
     * How long this operator's partly filled output buffers wait before they are sent, overriding
     * the job's {@code execution.buffer-timeout.interval}: milliseconds, 0 to send every record at
     * once, -1 for the job's setting (as in Flink). Operators chained into one task share one flush
     * timer: the shortest timeout among them applies.
     */
    public SingleOutputStreamOperator<T> setBufferTimeout(long timeoutMillis) {
        transformation.setBufferTimeout(timeoutMillis);
        return this;
    }

    /**
     * A longer description of the operator than its name. Weir keeps it with the operator's
     * transformation ({@code getTransformation().getDescription()}); the REST API does not show it yet.
     */
    public SingleOutputStreamOperator<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    /** Runs this operator in its own task, chained to neither neighbour. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** Starts a new chain at this operator; following operators may chain to it. */
    public SingleOutputStreamOperator<T> startNewChain() {
        transformation.setChainingStrategy(ChainingStrategy.HEAD);
        return this;
    }

    /**
     * Puts the operator in a slot sharing group: operators of different groups never share a slot.
     * Operators inherit the group of their inputs; the default group is "default".
     */
    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /** Gives the output type explicitly where type erasure hides it (lambdas with generic results). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        transformation.setOutputType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(typeHint.getTypeInfo());
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeExtractor.createTypeInfo(typeClass));
    }

    /**
     * The records this operator emits to the side output {@code sideOutputTag} (with
     * {@code ctx.output(tag, value)} in a process function, or as late data of a window). Asking
     * twice for the same tag id with different types is an error.
     */
    public <X> SideOutputDataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        Objects.requireNonNull(sideOutputTag, "sideOutputTag");
        TypeInformation<X> type = sideOutputTag.getTypeInfo();
        if (type == null) {
            throw new IllegalArgumentException("OutputTag '" + sideOutputTag.getId() + "' has no type here (it was "
                    + "deserialized); create the tag in the job's main method.");
        }
        TypeInformation<?> previous = requestedSideOutputs.putIfAbsent(sideOutputTag.getId(), type);
        if (previous != null && !previous.equals(type)) {
            throw new IllegalArgumentException("The side output '" + sideOutputTag.getId() + "' of operator '"
                    + getName() + "' was already requested with type " + previous + "; it cannot also have type "
                    + type + ". Use a different tag id for each type.");
        }
        return new SideOutputDataStream<>(environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }
}
