package io.weir.sql.connectors;

import io.weir.api.connector.sink.PrintSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import java.util.Set;

/**
 * {@code 'connector' = 'print'}: writes every row to stdout (or stderr) as {@code +I[1, a]},
 * prefixed by {@code print-identifier} and, with parallelism above 1, the subtask number.
 */
public final class PrintTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "print";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("print-identifier", "standard-error", "sink.parallelism");
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        String prefix = context.option("print-identifier", null);
        boolean stdErr = Boolean.parseBoolean(context.option("standard-error", "false"));
        rows.sinkTo(prefix == null ? new PrintSink<>(stdErr) : new PrintSink<>(prefix, stdErr)).name("print");
    }

    /** Every change kind: {@code -U}/{@code +U}/{@code -D} rows are written with their kind. */
    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return ChangelogMode.all();
    }
}
