package io.weir.tests.pipelines;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.types.Row;
import io.weir.connector.iceberg.table.IcebergTableFactory;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.TableFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code 'connector' = 'iceberg-failing-once'}: the real Iceberg connector with one failure
 * injected into the rows just before its writers (SQL has no user functions to throw from). Once a
 * test {@link #arm()}s it, the first row that reaches it fails the job, once; the job restarts from
 * its last completed checkpoint.
 */
public final class FailingOnceIcebergTableFactory implements TableFactory {
    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicInteger FAILURES = new AtomicInteger();

    private final IcebergTableFactory iceberg = new IcebergTableFactory();

    /** The next row fails the job (once). */
    static void arm() {
        ARMED.set(true);
    }

    static void reset() {
        ARMED.set(false);
        FAILURES.set(0);
    }

    @Override
    public String factoryIdentifier() {
        return "iceberg-failing-once";
    }

    @Override
    public Set<String> supportedOptions() {
        return iceberg.supportedOptions();
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        return iceberg.createSource(context, env);
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return iceberg.sinkChangelogMode(context);
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        // the rows' parallelism: a forward step keeps each key's changes in order
        iceberg.createSink(context, rows.map(new FailOnceWhenArmed()).returns(rows.getType()).name("failure injection")
                .setParallelism(rows.getParallelism()));
    }

    private static final class FailOnceWhenArmed implements MapFunction<Row, Row> {
        @Override
        public Row map(Row row) {
            if (ARMED.compareAndSet(true, false)) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure at " + row);
            }
            return row;
        }
    }
}
