package io.weir.sql.connectors;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import java.io.IOException;
import java.util.Map;

/**
 * A {@link TableFactory} whose sink can replace the table's rows: {@code INSERT OVERWRITE} (Flink's
 * {@code SupportsOverwrite} ability). Only in BATCH mode, as in Flink; a connector without this
 * interface refuses INSERT OVERWRITE with a message naming it.
 */
public interface SupportsOverwrite {

    /**
     * Writes rows that are to replace the table's rows: for a partitioned table those of the partitions
     * the rows go to and of the static partition (Flink's dynamic and static partition overwrite),
     * other partitions keep theirs. The old rows go only once the whole job has finished, by the
     * returned {@link Replacement}, as Flink replaces them when the job ends (the statement may read
     * the table it overwrites).
     *
     * @param staticPartitions the INSERT's {@code PARTITION (k = 'v', ...)} values, in the table's
     *     partition key order; empty without one
     */
    Replacement createOverwritingSink(TableFactory.Context context, DataStream<Row> rows,
            Map<String, String> staticPartitions);

    /** Removes the rows the statement replaced; run once, after the job has finished. */
    @FunctionalInterface
    interface Replacement {
        void replace() throws IOException;
    }
}
