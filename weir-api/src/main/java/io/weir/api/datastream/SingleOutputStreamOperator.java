package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.transformations.Transformation;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeHint;
import io.weir.api.types.TypeInformation;

/** A stream produced by one operator, whose settings (name, parallelism, chaining, type) can be set. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

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
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
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
}
