package io.weir.connector.file.table;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.types.Row;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.sql.connectors.formats.FormatFactory;
import java.util.Set;

/**
 * A file format of the {@code filesystem} SQL connector whose files are not lines ({@code 'format' =
 * 'parquet'}, {@code 'avro'}), found by its name through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/io.weir.connector.file.table.BulkFormatFactory}), as Flink's
 * BulkReaderFormatFactory and BulkWriterFormatFactory in one. The filesystem connector asks for a bulk
 * format before a line format of the same name. Its options are written with the format's name as
 * prefix ({@code 'avro.codec'}); the factory sees them without it.
 *
 * <p>Both sides see the table's physical columns without the partition columns (those are in the
 * directories): {@code context.rowType()}.
 */
public interface BulkFormatFactory {

    /** The name in {@code 'format' = '...'}. */
    String factoryIdentifier();

    /** The option keys the format understands, without the {@code <name>.} prefix. */
    Set<String> supportedOptions();

    /** Reads a file's records as rows of {@code context.rowType()}. */
    StreamFormat<Row> createReaderFormat(FormatFactory.Context context);

    /** Writes rows of {@code context.rowType()} into one file per writer. */
    BulkWriter.Factory<Row> createWriterFactory(FormatFactory.Context context);
}
