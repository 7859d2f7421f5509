package io.weir.sql.parser;

import io.weir.sql.api.SqlParserException;
import io.weir.sql.parser.generated.ParseException;
import io.weir.sql.parser.generated.Token;
import io.weir.sql.parser.generated.WeirSqlParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import io.weir.sql.api.ValidationException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Parses statements of the Flink SQL dialect with Weir's generated parser (Calcite's grammar plus
 * Weir's additions) and Flink's lexical rules: back-quoted identifiers, names kept as written and
 * matched case-sensitively.
 *
 * <p>Errors become a {@link SqlParserException} whose message shows the line with a caret under
 * the offending token, in the coordinates of the script the statement was cut from.
 */
public final class SqlStatementParser {

    /** The parser configuration, shared with the validator so both read identifiers alike. */
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(WeirSqlParser.FACTORY)
            .withQuoting(Quoting.BACK_TICK)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withIdentifierMaxLength(256)
            .withConformance(FlinkConformance.INSTANCE);

    private static final int MAX_EXPECTED_SHOWN = 8;
    private static final SqlAbstractParserImpl.Metadata METADATA =
            WeirSqlParser.FACTORY.getParser(new StringReader("")).getMetadata();

    private SqlStatementParser() {
    }

    /** Parses one statement given on its own. */
    public static SqlNode parse(String sql) {
        return parse(ScriptStatement.of(sql));
    }

    /** Parses one statement of a script; errors are reported at script coordinates. */
    public static SqlNode parse(ScriptStatement statement) {
        try {
            return SqlParser.create(statement.text(), CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw describe(statement, e);
        }
    }

    /** Parses a dotted name such as {@code cat.db.func}, as a Table API method takes it. */
    public static SqlIdentifier parseIdentifier(String path) {
        SqlNode node;
        try {
            node = SqlParser.create(path, CONFIG).parseExpression();
        } catch (SqlParseException e) {
            throw describe(ScriptStatement.of(path), e);
        }
        if (!(node instanceof SqlIdentifier identifier) || identifier.names.size() > 3) {
            throw new ValidationException("'" + path + "' is not a name of the form [catalog.][database.]name");
        }
        return identifier;
    }

    /** Splits a script and parses every statement, failing on the first bad one. */
    public static List<SqlNode> parseScript(String script) {
        List<SqlNode> nodes = new ArrayList<>();
        for (ScriptStatement statement : SqlScript.split(script)) {
            nodes.add(parse(statement));
        }
        return nodes;
    }

    /** True if the word is reserved in the dialect, so it must be back-quoted as a name. */
    public static boolean isReservedWord(String word) {
        return METADATA.isReservedWord(word.toUpperCase(Locale.ROOT));
    }

    private static SqlParserException describe(ScriptStatement statement, SqlParseException e) {
        SqlParserPos pos = e.getPos() == null ? new SqlParserPos(1, 1) : e.getPos();
        int lineInStatement = Math.max(1, pos.getLineNum());
        int columnInStatement = Math.max(1, pos.getColumnNum());
        int line = statement.scriptLine(lineInStatement);
        int column = statement.scriptColumn(lineInStatement, columnInStatement);
        String message = "SQL parse error at line " + line + ", column " + column + ": " + problem(e) + "\n"
                + statement.excerpt(lineInStatement, columnInStatement, 1) + "\n"
                + "Hint: " + hint(e);
        return new SqlParserException(message, line, column, e);
    }

    private static String problem(SqlParseException e) {
        String encountered = encounteredToken(e);
        if (encountered == null) {
            String first = e.getMessage() == null ? "invalid statement" : e.getMessage().split("\n")[0];
            return first;
        }
        return encountered.isEmpty() ? "unexpected end of statement" : "unexpected '" + encountered + "'";
    }

    private static String hint(SqlParseException e) {
        String encountered = encounteredToken(e);
        if (encountered != null && !encountered.isEmpty() && isReservedWord(encountered)
                && Character.isLetter(encountered.charAt(0))) {
            return "'" + encountered + "' is a reserved word; to use it as a name, back-quote it: `"
                    + encountered + "`";
        }
        Collection<String> expected = expectedTokens(e);
        if (expected.isEmpty()) {
            return "check the statement against the syntax in docs/sql.md";
        }
        List<String> shown = new ArrayList<>(expected);
        String list = String.join(", ", shown.subList(0, Math.min(MAX_EXPECTED_SHOWN, shown.size())));
        return "expected " + (shown.size() == 1 ? "" : "one of ") + list
                + (shown.size() > MAX_EXPECTED_SHOWN ? ", ..." : "");
    }

    /** The token the parser stopped at; "" at the end of input; null if the error is not a token error. */
    private static String encounteredToken(SqlParseException e) {
        if (e.getCause() instanceof ParseException parseException && parseException.currentToken != null) {
            Token next = parseException.currentToken.next;
            if (next == null || next.kind == 0) {
                return "";
            }
            return next.image;
        }
        return null;
    }

    private static Collection<String> expectedTokens(SqlParseException e) {
        TreeSet<String> names = new TreeSet<>();
        if (e.getExpectedTokenNames() != null) {
            for (String name : e.getExpectedTokenNames()) {
                String word = readable(name);
                // A non-reserved keyword is expected only in its role as a name.
                names.add(METADATA.isNonReservedKeyword(word) ? "a name" : word);
            }
        }
        names.remove("");
        return names;
    }

    private static String readable(String tokenName) {
        String name = tokenName.startsWith("\"") && tokenName.endsWith("\"")
                ? tokenName.substring(1, tokenName.length() - 1) : tokenName;
        return switch (name) {
            case "<IDENTIFIER>", "<QUOTED_IDENTIFIER>", "<BACK_QUOTED_IDENTIFIER>",
                    "<BIG_QUERY_BACK_QUOTED_IDENTIFIER>", "<HYPHENATED_IDENTIFIER>",
                    "<UNICODE_QUOTED_IDENTIFIER>", "<BRACKET_QUOTED_IDENTIFIER>",
                    "<DOLLAR_QUOTED_STRING>" -> "a name";
            case "<QUOTED_STRING>", "<PREFIXED_STRING_LITERAL>", "<UNICODE_STRING_LITERAL>",
                    "<BIG_QUERY_DOUBLE_QUOTED_STRING>", "<BIG_QUERY_QUOTED_STRING>",
                    "<C_STYLE_ESCAPED_STRING_LITERAL>", "<CHARSET_NAME>" -> "a string";
            case "<UNSIGNED_INTEGER_LITERAL>", "<APPROX_NUMERIC_LITERAL>", "<DECIMAL_NUMERIC_LITERAL>" -> "a number";
            case "<EOF>" -> "end of statement";
            default -> name.startsWith("<") ? "" : name;
        };
    }
}
