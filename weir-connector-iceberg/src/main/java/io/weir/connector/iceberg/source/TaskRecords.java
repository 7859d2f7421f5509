package io.weir.connector.iceberg.source;

import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/** Opens the live records of one file scan task: its Parquet data file's rows minus its delete files' rows. */
final class TaskRecords {
    private TaskRecords() {}

    static CloseableIterable<Record> open(Table table, FileScanTask task) {
        if (task.file().format() != FileFormat.PARQUET) {
            throw new IllegalStateException("Iceberg table " + table.name() + " has the " + task.file().format()
                    + " data file " + task.file().location() + "; Weir's Iceberg source reads Parquet files only");
        }
        Schema schema = table.schema();
        GenericDeleteFilter deletes = new GenericDeleteFilter(table.io(), task, schema, schema);
        Schema required = deletes.requiredSchema(); // adds what the deletes need (the row position, key columns)
        CloseableIterable<Record> rows = Parquet.read(table.io().newInputFile(task.file().location()))
                .project(required)
                .split(task.start(), task.length())
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(required, fileSchema))
                .build();
        return deletes.filter(rows);
    }
}
