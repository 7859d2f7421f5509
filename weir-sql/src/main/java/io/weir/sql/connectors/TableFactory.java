package io.weir.sql.connectors;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.ObjectIdentifier;
import java.util.Set;

/**
 * A connector for SQL tables, found by its {@code 'connector' = '...'} name through
 * {@link java.util.ServiceLoader} (Flink's DynamicTableSourceFactory and DynamicTableSinkFactory
 * in one). Rows flow as {@link Row}s with their change kind; the row type's fields are the
 * table's physical columns.
 */
public interface TableFactory {

    /** The value of the {@code 'connector'} option that selects this factory. */
    String factoryIdentifier();

    /**
     * Option keys the connector understands, besides {@code connector}; {@code #} in a key
     * stands for a column name ({@code fields.#.kind}), and a key ending in {@code .*} for any key with
     * that prefix ({@code properties.*}). Any other key is rejected with a hint.
     */
    Set<String> supportedOptions();

    /** Reads the table's rows; the default says the connector cannot be read. */
    default DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        throw new ValidationException("Connector '" + factoryIdentifier() + "' of table "
                + context.identifier().asSummaryString() + " can only be written to, not read");
    }

    /**
     * The change kinds the source's rows carry; the default is append-only ({@code +I}). A source
     * of a changelog (CDC, upsert topics) says so, and the planner plans retraction downstream.
     */
    default ChangelogMode sourceChangelogMode(Context context) {
        return ChangelogMode.insertOnly();
    }

    /**
     * The change kinds the sink can take; the default is append-only. The planner refuses a query
     * whose result has kinds the sink cannot take. A sink whose mode is {@link ChangelogMode#upsert()}
     * gets no {@code -U} rows, and the table needs a primary key.
     */
    default ChangelogMode sinkChangelogMode(Context context) {
        return ChangelogMode.insertOnly();
    }

    /** Writes rows into the table; the default says the connector cannot be written. */
    default void createSink(Context context, DataStream<Row> rows) {
        throw new ValidationException("Connector '" + factoryIdentifier() + "' of table "
                + context.identifier().asSummaryString() + " can only be read, not written to");
    }

    /** What a factory is told about the table it reads or writes. */
    record Context(ObjectIdentifier identifier, CatalogTable table, RowTypeInfo rowType, int parallelism) {

        public String option(String key, String defaultValue) {
            return table.options().getOrDefault(key, defaultValue);
        }
    }
}
