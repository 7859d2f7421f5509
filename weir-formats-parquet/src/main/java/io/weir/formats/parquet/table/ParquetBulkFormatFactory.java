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
import io.weir.formats.avro.table.AvroRowWriterFactory;
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
        return new RowFormat(AvroParquetReaders.forGenericRecord(AvroRowWriterFactory.schemaOf(context)), context.rowType());
    }

    @Override
    public BulkWriter.Factory<Row> createWriterFactory(FormatFactory.Context context) {
        String schema = AvroRowWriterFactory.schemaOf(context).toString();
        BulkWriter.Factory<GenericRecord> records = AvroParquetWriters.forGenericRecord(new Schema.Parser().parse(schema));
        AvroRowConverter converter = new AvroRowConverter(context.rowType());
        return new AvroRowWriterFactory(records, converter, schema);
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
