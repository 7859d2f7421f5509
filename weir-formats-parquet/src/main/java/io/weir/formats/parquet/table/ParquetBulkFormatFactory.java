package io.weir.formats.parquet.table;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.connector.file.table.BulkFormatFactory;
import io.weir.formats.avro.table.AvroRowConverter;
import io.weir.formats.avro.table.AvroRowSchemas;
import io.weir.formats.parquet.AvroParquetReaders;
import io.weir.formats.parquet.AvroParquetWriters;
import io.weir.sql.connectors.formats.FormatFactory;
import java.io.IOException;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code 'format' = 'parquet'} of the {@code filesystem} connector: Parquet files (GZIP-compressed)
 * of the table's physical columns, written and read through the Avro records of the same row type as
 * the {@code avro} format (Parquet's Avro binding); a file's columns are read by name, so files with
 * more columns or another order read too.
 */
public final class ParquetBulkFormatFactory implements BulkFormatFactory {

    @Override
    public String factoryIdentifier() {
        return "parquet";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of();
    }

    @Override
    public StreamFormat<Row> createReaderFormat(FormatFactory.Context context) {
        return new RowFormat(AvroParquetReaders.forGenericRecord(schema(context)), context.rowType());
    }

    @Override
    public BulkWriter.Factory<Row> createWriterFactory(FormatFactory.Context context) {
        String schema = schema(context).toString();
        BulkWriter.Factory<GenericRecord> records = AvroParquetWriters.forGenericRecord(new Schema.Parser().parse(schema));
        AvroRowConverter converter = new AvroRowConverter(context.rowType());
        return new RowWriterFactory(records, converter, schema);
    }

    /** Writes each row as the Avro record of {@code schema} through the records' writer. */
    private record RowWriterFactory(BulkWriter.Factory<GenericRecord> records, AvroRowConverter converter, String schema)
            implements BulkWriter.Factory<Row> {

        @Override
        public BulkWriter<Row> create(io.weir.api.fs.FSDataOutputStream out) throws IOException {
            BulkWriter<GenericRecord> writer = records.create(out);
            Schema parsed = new Schema.Parser().parse(schema);
            return new BulkWriter<>() {
                @Override
                public void addElement(Row row) throws IOException {
                    writer.addElement(converter.toRecord(row, parsed));
                }

                @Override
                public void flush() throws IOException {
                    writer.flush();
                }

                @Override
                public void finish() throws IOException {
                    writer.finish();
                }
            };
        }
    }

    private static Schema schema(FormatFactory.Context context) {
        try {
            return AvroRowSchemas.of(context.rowType(), context.decimals());
        } catch (IllegalArgumentException e) {
            throw context.invalid(e.getMessage());
        }
    }

    /** The records of a Parquet file as rows. */
    private record RowFormat(StreamFormat<GenericRecord> records, RowTypeInfo rowType) implements StreamFormat<Row> {

        @Override
        public Reader<Row> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
                throws IOException {
            Reader<GenericRecord> reader = records.createReader(config, stream, fileLen, splitEnd);
            AvroRowConverter converter = new AvroRowConverter(rowType);
            return new Reader<>() {
                @Override
                public Row read() throws IOException {
                    GenericRecord record = reader.read();
                    return record == null ? null : converter.toRow(record);
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            };
        }

        @Override
        public Reader<Row> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
                long fileLen, long splitEnd) {
            throw new UnsupportedOperationException("Parquet readers give no offsets; the source restores them by "
                    + "reading from the start and skipping records");
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<Row> getProducedType() {
            return rowType;
        }
    }
}
