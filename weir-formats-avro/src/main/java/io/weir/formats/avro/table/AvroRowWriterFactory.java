package io.weir.formats.avro.table;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.types.Row;
import io.weir.sql.connectors.formats.FormatFactory;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes each row as the Avro record of {@code schema} (its JSON) through a writer of such records: the
 * rows of the {@code avro} and {@code parquet} formats of the {@code filesystem} connector.
 */
public record AvroRowWriterFactory(BulkWriter.Factory<GenericRecord> records, AvroRowConverter converter, String schema)
        implements BulkWriter.Factory<Row> {

    /** The Avro schema of the table's physical columns; a column Avro cannot hold fails naming it. */
    public static Schema schemaOf(FormatFactory.Context context) {
        try {
            return AvroRowSchemas.of(context.rowType(), context.decimals());
        } catch (IllegalArgumentException e) {
            throw context.invalid(e.getMessage());
        }
    }

    @Override
    public BulkWriter<Row> create(FSDataOutputStream out) throws IOException {
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
