package io.weir.connector.kafka.table;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.TableFactory;
import java.util.Set;

/**
 * {@code 'connector' = 'upsert-kafka'}: a compacted topic as a table keyed by its primary key. Writing
 * turns inserts and updates into records keyed by the primary key (in {@code key.format}) and deletes
 * into tombstones; reading turns the topic back into a changelog ({@code +I}, {@code -U}/{@code +U},
 * {@code -D}) by keeping each key's last row in state.
 */
public final class UpsertKafkaTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "upsert-kafka";
    }

    @Override
    public Set<String> supportedOptions() {
        return KafkaTableOptions.supported(true);
    }

    @Override
    public ChangelogMode sourceChangelogMode(Context context) {
        return new KafkaTable(context, true).sourceMode();
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return new KafkaTable(context, true).sinkMode();
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        return new KafkaTable(context, true).createSource(env);
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        new KafkaTable(context, true).createSink(rows);
    }
}
