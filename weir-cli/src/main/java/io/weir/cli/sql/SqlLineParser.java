package io.weir.cli.sql;

import io.weir.sql.parser.SqlScript;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the typed text is a whole statement: Enter accepts it only once a semicolon
 * ends it outside literals, quoted names and comments (and after the END of a statement set);
 * until then Enter starts a continuation line. Blank input is accepted as is. Words for
 * completion are split as JLine's default parser does, without backslash escapes (SQL has none).
 */
final class SqlLineParser extends DefaultParser {

    SqlLineParser() {
        escapeChars(new char[0]);
        quoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !SqlScript.isComplete(line)) {
            throw new EOFError(-1, -1, "the statement is not ended by a semicolon", ";");
        }
        return super.parse(line, cursor, context);
    }
}
