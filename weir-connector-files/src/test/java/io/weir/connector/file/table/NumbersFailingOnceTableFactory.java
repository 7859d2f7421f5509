package io.weir.connector.file.table;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.types.Row;
import io.weir.api.types.Types;
import io.weir.sql.connectors.TableFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test connector, {@code 'connector' = 'numbers-failing-once'}: {@code rows} paced rows
 * {@code (id BIGINT, dt STRING, hr INT)} with {@code id} 0, 1, ..., {@code dt} one of three days and
 * {@code hr} one of four hours, whose job fails once, in its first attempt, after a checkpoint
 * completed and a subtask saw half of its share of the rows: the injected failure of the streaming
 * filesystem sink's test. The failure is mid-stream on purpose (a subtask's half, not the job's, which
 * with parallelism 2 would be a subtask's last row, when the other subtask may already have ended).
 */
public final class NumbersFailingOnceTableFactory implements TableFactory {
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @Override
    public String factoryIdentifier() {
        return "numbers-failing-once";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("rows");
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        long rows = Long.parseLong(context.option("rows", "1000"));
        return env.fromSource(new DataGeneratorSource<>(i -> i, rows, RateLimiterStrategy.perSecond(3_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(new FailOnce(rows)).returns(context.rowType());
    }

    static String day(long id) {
        return "2026-12-0" + (1 + id % 3);
    }

    static int hour(long id) {
        return (int) (id % 4);
    }

    /** The row of a number; throws once, as described above. */
    static final class FailOnce extends RichMapFunction<Long, Row> implements CheckpointListener {
        private final long rows;
        private transient long seen;

        FailOnce(long rows) {
            this.rows = rows;
        }

        @Override
        public Row map(Long id) {
            long share = rows / getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            if (++seen >= share / 2 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " rows");
            }
            return Row.of(id, day(id), hour(id));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
