package io.weir.sql.connectors;

/**
 * A {@link TableFactory} whose tables can be looked up by key (Flink's {@code LookupTableSource}):
 * a lookup join, {@code JOIN dim FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.k}, asks the
 * table for the rows whose key columns equal the probe row's values, one probe row at a time,
 * instead of reading the whole table as a stream.
 */
public interface LookupTableSource {

    /**
     * How to look up the table's rows by the physical columns {@code keyColumns} (indices into
     * {@link TableFactory.Context#rowType()}): the function, and the cache in front of it if the
     * table's options ask for one ({@link LookupOptions}). Called at planning; the provider is
     * serialized into the job, opened once per subtask.
     */
    LookupProvider createLookup(TableFactory.Context context, int[] keyColumns);
}
