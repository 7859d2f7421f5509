package io.weir.runtime.source;

import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.operators.StreamOperator;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.graph.OperatorFactory;
import io.weir.runtime.graph.SerializedOperatorFactory;

/** Creates the {@link SourceOperator} of each subtask and the source's coordinator. */
public final class SourceOperatorFactory<OUT, SplitT extends SourceSplit> implements OperatorFactory {
    private static final long serialVersionUID = 1L;

    private final Source<OUT, SplitT, ?> source;
    private final String name;
    private final SerializedOperatorFactory readers;

    /** Each subtask gets its own copy of the source (and of the functions it holds). */
    @SuppressWarnings("unchecked")
    public SourceOperatorFactory(Source<OUT, ?, ?> source, WatermarkStrategy<OUT> watermarkStrategy, String name,
            ClassLoader userClassLoader) {
        this.source = (Source<OUT, SplitT, ?>) source;
        this.name = name;
        this.readers = new SerializedOperatorFactory(new SourceOperator<>(this.source, watermarkStrategy), name,
                userClassLoader);
    }

    @Override
    public StreamOperator<?> createOperator() {
        return readers.createOperator();
    }

    @Override
    public OperatorCoordinator.Provider coordinatorProvider() {
        return context -> new SourceCoordinator<>(source, context);
    }

    @Override
    public boolean isSource() {
        return true;
    }

    @Override
    public String toString() {
        return "Source '" + name + "'";
    }
}
