package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.connector.iceberg.TableLoader;
import java.time.Duration;

/**
 * Reads an Iceberg table as a stream of {@link Row}s, as Iceberg's Flink connector's
 * {@code IcebergSource.forRowData()}: by default the snapshot current when the job starts, once (a
 * bounded stream); with {@link #streaming streaming(true)} that snapshot and then, every
 * {@link #monitorInterval monitor interval}, the rows appended by newer snapshots (an unbounded
 * stream). The enumerator plans the snapshots' file scan tasks and hands them out one at a time;
 * the rows' fields are taken from the table's columns by name. Parquet data files only; deletes are
 * applied. A checkpoint holds the tasks not read yet, the position in the task being read and, in
 * streaming mode, the last snapshot planned.
 *
 * <pre>{@code
 * env.fromSource(IcebergSource.forRow(tableLoader, rowType).streaming(true).monitorInterval(Duration.ofSeconds(10)),
 *         WatermarkStrategy.noWatermarks(), "orders")
 * }</pre>
 */
public final class IcebergSource implements Source<Row, IcebergSourceSplit, IcebergEnumeratorState>,
        ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;
    /** Flink's default {@code monitor-interval}. */
    public static final Duration DEFAULT_MONITOR_INTERVAL = Duration.ofSeconds(60);

    private final TableLoader tableLoader;
    private final RowTypeInfo rowType;
    private final boolean streaming;
    private final Duration monitorInterval;

    private IcebergSource(TableLoader tableLoader, RowTypeInfo rowType, boolean streaming, Duration monitorInterval) {
        this.tableLoader = tableLoader;
        this.rowType = rowType;
        this.streaming = streaming;
        this.monitorInterval = monitorInterval;
    }

    /** A bounded source of the table's rows with these fields (each a column of the table, by name). */
    public static IcebergSource forRow(TableLoader tableLoader, RowTypeInfo rowType) {
        return new IcebergSource(tableLoader, rowType, false, DEFAULT_MONITOR_INTERVAL);
    }

    /** Whether to go on reading the rows that new snapshots append (an unbounded source); off by default. */
    public IcebergSource streaming(boolean enabled) {
        return new IcebergSource(tableLoader, rowType, enabled, monitorInterval);
    }

    /**
     * How often a streaming source looks for new snapshots (60 s by default): the latency it adds
     * on top of the writer's checkpoint interval.
     *
     * @throws IllegalArgumentException if not positive
     */
    public IcebergSource monitorInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The monitor interval of an Iceberg source must be positive, not " + interval);
        }
        return new IcebergSource(tableLoader, rowType, streaming, interval);
    }

    @Override
    public Boundedness getBoundedness() {
        return streaming ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> createEnumerator(
            SplitEnumeratorContext<IcebergSourceSplit> context) {
        return new IcebergSplitEnumerator(context, tableLoader.copy(), monitorIntervalNanos(), System::nanoTime, null);
    }

    @Override
    public SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<IcebergSourceSplit> context, IcebergEnumeratorState checkpoint) {
        return new IcebergSplitEnumerator(context, tableLoader.copy(), monitorIntervalNanos(), System::nanoTime, checkpoint);
    }

    private long monitorIntervalNanos() {
        return streaming ? monitorInterval.toNanos() : 0;
    }

    @Override
    public SourceReader<Row, IcebergSourceSplit> createReader(SourceReaderContext readerContext) {
        return new IcebergSourceReader(readerContext, tableLoader.copy(), new RecordConverter(rowType), monitorIntervalNanos());
    }

    @Override
    public SimpleVersionedSerializer<IcebergSourceSplit> getSplitSerializer() {
        return new IcebergSourceSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<IcebergEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new IcebergEnumeratorState.Serializer();
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return rowType;
    }
}
