package io.weir.formats.avro.table;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.connector.file.table.BulkFormatFactory;
import io.weir.formats.avro.AvroWriterFactory;
import io.weir.sql.connectors.formats.FormatFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code 'format' = 'avro'} of the {@code filesystem} connector: Avro container files, one record per
 * row, of the schema derived from the table's physical columns (as Flink's avro format for files).
 * Files written with another schema are read by Avro's schema resolution (columns matched by name).
 * Option {@code avro.codec}: the container's compression, any name Avro knows ({@code null}, the
 * default here, {@code deflate}, {@code snappy}, {@code bzip2}, {@code xz}, {@code zstandard}) whose
 * library is on the class path.
 */
public final class AvroBulkFormatFactory implements BulkFormatFactory {

    @Override
    public String factoryIdentifier() {
        return "avro";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("codec");
    }

    @Override
    public StreamFormat<Row> createReaderFormat(FormatFactory.Context context) {
        AvroRowWriterFactory.schemaOf(context); // fails at planning for a column Avro cannot hold
        HashMap<String, int[]> decimals = new HashMap<>();
        context.decimals().forEach((column, decimal) -> decimals.put(column,
                new int[] {decimal.precision(), decimal.scale()}));
        return new RowFormat(context.rowType(), decimals);
    }

    @Override
    public BulkWriter.Factory<Row> createWriterFactory(FormatFactory.Context context) {
        String schema = AvroRowWriterFactory.schemaOf(context).toString();
        String codec = context.option("codec", "null");
        try {
            CodecFactory.fromString(codec);
        } catch (AvroRuntimeException e) {
            throw context.invalid("option 'avro.codec' = '" + codec + "' is not an Avro codec (null, deflate, snappy, "
                    + "bzip2, xz, zstandard): " + e.getMessage());
        }
        AvroRowConverter converter = new AvroRowConverter(context.rowType());
        AvroWriterFactory<GenericRecord> records = new AvroWriterFactory<>(out -> {
            Schema parsed = new Schema.Parser().parse(schema);
            DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(parsed));
            writer.setCodec(CodecFactory.fromString(codec));
            return writer.create(parsed, out);
        });
        return new AvroRowWriterFactory(records, converter, schema);
    }


    /**
     * An Avro container file's records as rows; a file is one split. {@code decimals}: the DECIMAL
     * columns' precision and scale.
     */
    private record RowFormat(RowTypeInfo rowType, HashMap<String, int[]> decimals) implements StreamFormat<Row> {

        @Override
        public Reader<Row> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
                throws IOException {
            GenericDatumReader<GenericRecord> datum = new GenericDatumReader<>();
            DataFileStream<GenericRecord> file = new DataFileStream<>(stream, datum);
            Map<String, FormatFactory.Decimal> columns = new HashMap<>();
            decimals.forEach((column, ps) -> columns.put(column, new FormatFactory.Decimal(ps[0], ps[1])));
            datum.setExpected(AvroRowSchemas.of(rowType, file.getSchema(), columns));
            AvroRowConverter converter = new AvroRowConverter(rowType);
            return new Reader<>() {
                @Override
                public Row read() {
                    return file.hasNext() ? converter.toRow(file.next()) : null;
                }

                @Override
                public void close() throws IOException {
                    file.close();
                }
            };
        }

        @Override
        public Reader<Row> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
                long fileLen, long splitEnd) {
            throw new UnsupportedOperationException("Avro files give no offsets; the source restores them by reading "
                    + "from the start and skipping records");
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
