package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import io.weir.api.connector.source.lib.StaticSplitEnumerator;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.connector.iceberg.TableLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ScanTaskParser;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads an Iceberg table's current snapshot once, as a bounded stream of {@link Row}s (Iceberg's
 * Flink connector: {@code IcebergSource.forRowData()...streaming(false)}). The enumerator plans the
 * snapshot's file scan tasks when the job starts and hands them out one at a time; the rows' fields
 * are taken from the table's columns by name. Parquet data files only; deletes are applied.
 *
 * <pre>{@code
 * env.fromSource(IcebergSource.forRow(tableLoader, rowType), WatermarkStrategy.noWatermarks(), "orders")
 * }</pre>
 */
public final class IcebergSource implements Source<Row, IcebergSourceSplit, Collection<IcebergSourceSplit>>,
        ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final RowTypeInfo rowType;

    private IcebergSource(TableLoader tableLoader, RowTypeInfo rowType) {
        this.tableLoader = tableLoader;
        this.rowType = rowType;
    }

    /** A source of the table's rows with these fields (each a column of the table, by name). */
    public static IcebergSource forRow(TableLoader tableLoader, RowTypeInfo rowType) {
        return new IcebergSource(tableLoader, rowType);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<IcebergSourceSplit, Collection<IcebergSourceSplit>> createEnumerator(
            SplitEnumeratorContext<IcebergSourceSplit> context) throws IOException {
        return new StaticSplitEnumerator<>(context, planSplits());
    }

    private List<IcebergSourceSplit> planSplits() throws IOException {
        List<IcebergSourceSplit> splits = new ArrayList<>();
        try (TableLoader loader = tableLoader.copy()) {
            Table table = loader.loadTable();
            if (table.currentSnapshot() == null) {
                return splits; // a table without snapshots has no rows
            }
            try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
                for (FileScanTask task : tasks) {
                    splits.add(new IcebergSourceSplit("task-" + splits.size(), ScanTaskParser.toJson(task), 0));
                }
            }
        }
        return splits;
    }

    @Override
    public SplitEnumerator<IcebergSourceSplit, Collection<IcebergSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<IcebergSourceSplit> context, Collection<IcebergSourceSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<Row, IcebergSourceSplit> createReader(SourceReaderContext readerContext) {
        return new IcebergSourceReader(readerContext, tableLoader.copy(), new RecordConverter(rowType));
    }

    @Override
    public SimpleVersionedSerializer<IcebergSourceSplit> getSplitSerializer() {
        return new IcebergSourceSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<IcebergSourceSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new IcebergSourceSplit.Serializer());
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return rowType;
    }
}
