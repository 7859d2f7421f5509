package io.weir.api.datastream;

import io.weir.api.operators.ChainingStrategy;
import io.weir.api.transformations.Transformation;

/** The end of a stream, whose settings (name, uid, parallelism, chaining) can be set. */
public class DataStreamSink<T> {
    private final Transformation<?> transformation;

    DataStreamSink(Transformation<?> transformation) {
        this.transformation = transformation;
    }

    public Transformation<?> getTransformation() {
        return transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A longer description of the sink than its name (see {@code SingleOutputStreamOperator.setDescription}). */
    public DataStreamSink<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }
}
