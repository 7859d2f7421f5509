package io.weir.api.connector.datagen;

import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.functions.Function;

/** Makes the record for an index of a {@link DataGeneratorSource}. */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {
    O map(T value) throws Exception;

    /** Called once per reader before the first record. */
    default void open(SourceReaderContext readerContext) throws Exception {}

    default void close() throws Exception {}
}
