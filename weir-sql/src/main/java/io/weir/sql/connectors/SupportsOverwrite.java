package io.weir.sql.connectors;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;

/**
 * A {@link TableFactory} whose sink can replace the table's rows: {@code INSERT OVERWRITE} (Flink's
 * {@code SupportsOverwrite} ability). Only in BATCH mode, as in Flink; a connector without this
 * interface refuses INSERT OVERWRITE with a message naming it.
 */
public interface SupportsOverwrite {

    /**
     * Writes rows that replace the table's rows: for a partitioned table those of the partitions the
     * rows go to, other partitions keep theirs (Flink's dynamic partition overwrite).
     */
    void createOverwritingSink(TableFactory.Context context, DataStream<Row> rows);
}
