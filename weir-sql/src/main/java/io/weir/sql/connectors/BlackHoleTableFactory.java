package io.weir.sql.connectors;

import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import java.util.Set;

/** {@code 'connector' = 'blackhole'}: accepts every row and drops it (for benchmarks and tests). */
public final class BlackHoleTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "blackhole";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of();
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        rows.sinkTo(new DiscardingSink<>()).name("blackhole");
    }

    /** Every change kind: updates and deletes are dropped like inserts. */
    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return ChangelogMode.all();
    }
}
