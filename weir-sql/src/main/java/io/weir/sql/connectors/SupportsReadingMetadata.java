package io.weir.sql.connectors;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.sql.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * A {@link TableFactory} whose source can read metadata besides the rows' physical columns:
 * {@code METADATA [FROM 'key'] [VIRTUAL]} columns (Flink's {@code SupportsReadingMetadata} ability).
 * The planner checks each metadata column's key against {@link #listReadableMetadata} and fails,
 * naming the keys that exist, for any other.
 */
public interface SupportsReadingMetadata {

    /** The metadata keys the source can read, with their types, in the order the docs list them. */
    Map<String, LogicalType> listReadableMetadata(TableFactory.Context context);

    /**
     * Reads the table's rows as {@link TableFactory#createSource} does (the physical columns of
     * {@code context.rowType()}), each followed by the values of {@code metadataKeys}, in that order.
     */
    DataStream<Row> createSource(TableFactory.Context context, StreamExecutionEnvironment env,
            List<String> metadataKeys);
}
