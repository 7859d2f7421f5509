package io.weir.connector.file.src.reader;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.RecordComponents;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;

/**
 * Reads CSV files (RFC 4180: fields in double quotes may hold separators, line breaks and doubled
 * quotes) into Java records, one CSV column per record component, in order. UTF-8. Components may be
 * {@code String}, the primitive types and their boxes, {@code BigDecimal}, {@code LocalDate},
 * {@code LocalTime} and {@code LocalDateTime} (ISO formats); an empty field is {@code null} for the
 * object types. Not splittable: a quoted field may span lines, so a file is read by one reader.
 *
 * <pre>{@code
 * record Trade(String symbol, long quantity, BigDecimal price) {}
 * FileSource<Trade> source = FileSource.forRecordStreamFormat(
 *         CsvReaderFormat.forPojo(Trade.class).withHeaderSkipped(), new Path("/data/trades")).build();
 * }</pre>
 */
public final class CsvReaderFormat<T> implements StreamFormat<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final char separator;
    private final boolean skipHeader;

    private CsvReaderFormat(Class<T> recordClass, char separator, boolean skipHeader) {
        this.recordClass = recordClass;
        this.separator = separator;
        this.skipHeader = skipHeader;
    }

    /** Rows read into instances of the Java record class {@code type}, columns in component order. */
    public static <T> CsvReaderFormat<T> forPojo(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("CsvReaderFormat.forPojo needs a Java record class (its components "
                    + "give the column order); " + type.getName() + " is not one");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            CsvFieldParser.check(type, component);
        }
        return new CsvReaderFormat<>(type, ',', false);
    }

    /** Columns separated by {@code separator} instead of a comma. */
    public CsvReaderFormat<T> withColumnSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("A CSV column separator cannot be a quote or a line break");
        }
        return new CsvReaderFormat<>(recordClass, separator, skipHeader);
    }

    /** The first line of every file is a header and is not read. */
    public CsvReaderFormat<T> withHeaderSkipped() {
        return new CsvReaderFormat<>(recordClass, separator, true);
    }

    @Override
    public Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        CsvRecordReader<T> reader = new CsvRecordReader<>(new LineReader(stream, 0, Long.MAX_VALUE, true), this);
        if (skipHeader) {
            reader.skipRow();
        }
        return reader;
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException {
        return new CsvRecordReader<>(new LineReader(stream, restoredOffset, Long.MAX_VALUE, true), this);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(recordClass);
    }

    /** Reads rows and turns them into records. Threading: one source task thread. */
    private static final class CsvRecordReader<T> implements Reader<T> {
        private final LineReader lines;
        private final char separator;
        private final Class<T> recordClass;
        private final RecordComponents components;
        private final RecordComponent[] declared;
        private final CsvRowParser rows;

        CsvRecordReader(LineReader lines, CsvReaderFormat<T> format) {
            this.lines = lines;
            this.separator = format.separator;
            this.recordClass = format.recordClass;
            this.components = RecordComponents.of(recordClass);
            this.declared = recordClass.getRecordComponents();
            this.rows = new CsvRowParser(separator);
        }

        void skipRow() throws IOException {
            rows.next(lines);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read() throws IOException {
            String[] fields;
            do {
                fields = rows.next(lines);
                if (fields == null) {
                    return null;
                }
            } while (fields.length == 1 && fields[0].isEmpty());
            long rowStart = rows.rowStart();
            if (fields.length != declared.length) {
                throw new BadRecordException(rowStart, "the CSV row starting at byte " + rowStart + " has " + fields.length
                        + " columns; " + recordClass.getSimpleName() + " needs " + declared.length, null);
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                try {
                    values[i] = CsvFieldParser.parse(declared[i].getType(), fields[i]);
                } catch (RuntimeException e) {
                    throw new BadRecordException(rowStart, "the CSV row starting at byte " + rowStart + ": column " + (i + 1) + " ("
                            + declared[i].getName() + ") '" + fields[i] + "' is not a " + declared[i].getType().getSimpleName()
                            + ": " + e.getMessage(), e);
                }
            }
            return (T) components.newRecord(values);
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return new CheckpointedPosition(lines.nextLineStart(), 0);
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    static String utf8(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
