package io.weir.sql.connectors;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * A {@link TableFactory} whose sink can write metadata besides the rows' physical columns: the
 * persisted (non-{@code VIRTUAL}) {@code METADATA} columns of the table an INSERT writes (Flink's
 * {@code SupportsWritingMetadata} ability). The planner checks each such column's key and type
 * against {@link #listWritableMetadata} and fails, naming the writable keys, for any other; a table
 * with persisted metadata columns on a connector without this interface cannot be written.
 */
public interface SupportsWritingMetadata {

    /** The metadata keys the sink can write, with their types, in the order the docs list them. */
    Map<String, LogicalType> listWritableMetadata(TableFactory.Context context);

    /**
     * Writes the rows as {@link TableFactory#createSink} does (the physical columns of
     * {@code context.rowType()}), each followed by the values of {@code metadataKeys}, in that order;
     * a null value means the sink's default for that key.
     */
    void createSink(TableFactory.Context context, DataStream<Row> rows, List<String> metadataKeys);
}
