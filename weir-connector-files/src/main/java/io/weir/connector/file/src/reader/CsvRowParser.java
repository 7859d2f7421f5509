package io.weir.connector.file.src.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV rows into fields (RFC 4180), reading further lines while a quoted field is open.
 *
 * <p>Threading: one source task thread.
 */
final class CsvRowParser {
    private final char separator;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private long rowStart;

    CsvRowParser(char separator) {
        this.separator = separator;
    }

    /** The fields of the next row, or {@code null} at the end of the file. */
    String[] next(LineReader lines) throws IOException {
        if (!lines.next()) {
            return null;
        }
        rowStart = lines.lineStart();
        fields.clear();
        field.setLength(0);
        boolean quoted = false;
        String text = CsvReaderFormat.utf8(lines.bytes(), lines.length());
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    break;
                }
                if (!lines.next()) {
                    throw new IOException("The CSV row starting at byte " + rowStart + " opens a quoted field that "
                            + "the file never closes; add the closing double quote");
                }
                field.append('\n');
                text = CsvReaderFormat.utf8(lines.bytes(), lines.length());
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }

    /** The file offset where the last row returned starts. */
    long rowStart() {
        return rowStart;
    }
}
