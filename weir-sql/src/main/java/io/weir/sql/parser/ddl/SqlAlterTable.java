package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE} and {@code ALTER VIEW} in the Flink dialect: rename the table or a column,
 * SET / RESET options, ADD / MODIFY columns, a WATERMARK or the PRIMARY KEY, DROP them, or give a
 * view a new query. One node with an {@link Action}; the fields an action does not use are empty.
 */
public final class SqlAlterTable extends SqlCall {

    private static final SqlOperator ALTER_TABLE = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);
    private static final SqlOperator ALTER_VIEW = new SqlSpecialOperator("ALTER VIEW", SqlKind.ALTER_VIEW);

    /** What the statement changes. */
    public enum Action {
        RENAME, RENAME_COLUMN, SET, RESET, ADD, MODIFY, DROP_COLUMNS, DROP_PRIMARY_KEY, DROP_WATERMARK, VIEW_QUERY
    }

    private final SqlIdentifier name;
    private final boolean view;
    private final boolean ifExists;
    private final Action action;
    private SqlIdentifier column;
    private SqlIdentifier newName;
    private SqlNodeList options = SqlNodeList.EMPTY;
    private TableSchemaParts parts = new TableSchemaParts();
    private Map<String, String> positions = Map.of();
    private SqlNode query;

    private SqlAlterTable(SqlParserPos pos, SqlIdentifier name, boolean view, boolean ifExists, Action action) {
        super(pos);
        this.name = name;
        this.view = view;
        this.ifExists = ifExists;
        this.action = action;
    }

    /** ALTER TABLE | VIEW name RENAME TO newName. */
    public static SqlAlterTable rename(SqlParserPos pos, SqlIdentifier name, boolean view, boolean ifExists,
            SqlIdentifier newName) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, view, ifExists, Action.RENAME);
        alter.newName = newName;
        return alter;
    }

    /** ALTER TABLE name RENAME column TO newName. */
    public static SqlAlterTable renameColumn(SqlParserPos pos, SqlIdentifier name, boolean ifExists,
            SqlIdentifier column, SqlIdentifier newName) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, false, ifExists, Action.RENAME_COLUMN);
        alter.column = column;
        alter.newName = newName;
        return alter;
    }

    /** ALTER TABLE name SET ('k' = 'v', ...). */
    public static SqlAlterTable set(SqlParserPos pos, SqlIdentifier name, boolean ifExists, SqlNodeList options) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, false, ifExists, Action.SET);
        DdlOptions.toMap(options); // rejects a repeated key while its position is at hand
        alter.options = options;
        return alter;
    }

    /** ALTER TABLE name RESET ('k', ...); {@code keys} are string literals. */
    public static SqlAlterTable reset(SqlParserPos pos, SqlIdentifier name, boolean ifExists, SqlNodeList keys) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, false, ifExists, Action.RESET);
        alter.options = keys;
        return alter;
    }

    /**
     * ALTER TABLE name ADD | MODIFY components.
     *
     * @param positions for the columns written with FIRST (value "") or AFTER col (value col)
     */
    public static SqlAlterTable schemaChange(SqlParserPos pos, SqlIdentifier name, boolean ifExists, Action action,
            TableSchemaParts parts, Map<String, String> positions) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, false, ifExists, action);
        alter.parts = parts;
        alter.positions = positions;
        return alter;
    }

    /** ALTER TABLE name DROP columns | PRIMARY KEY | WATERMARK. */
    public static SqlAlterTable drop(SqlParserPos pos, SqlIdentifier name, boolean ifExists, Action action,
            SqlNodeList columns) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, false, ifExists, action);
        alter.options = columns;
        return alter;
    }

    /** ALTER VIEW name AS query. */
    public static SqlAlterTable viewQuery(SqlParserPos pos, SqlIdentifier name, SqlNode query) {
        SqlAlterTable alter = new SqlAlterTable(pos, name, true, false, Action.VIEW_QUERY);
        alter.query = query;
        return alter;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** True for ALTER VIEW. */
    public boolean isView() {
        return view;
    }

    public boolean ifExists() {
        return ifExists;
    }

    public Action action() {
        return action;
    }

    /** The column RENAME_COLUMN renames. */
    public SqlIdentifier column() {
        return column;
    }

    /** The new name of RENAME and RENAME_COLUMN. */
    public SqlIdentifier newName() {
        return newName;
    }

    /** SET's options in the order written. */
    public Map<String, String> options() {
        return DdlOptions.toMap(options);
    }

    /** RESET's keys, or the columns DROP_COLUMNS drops. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (SqlNode node : options) {
            names.add(node instanceof SqlLiteral literal ? literal.getValueAs(String.class)
                    : ((SqlIdentifier) node).getSimple());
        }
        return names;
    }

    /** The columns, WATERMARK and PRIMARY KEY of ADD and MODIFY. */
    public TableSchemaParts parts() {
        return parts;
    }

    /** Column name to "" (FIRST) or the column it comes AFTER, for the columns ADD / MODIFY places. */
    public Map<String, String> positions() {
        return positions;
    }

    /** The new query of ALTER VIEW AS. */
    public SqlNode query() {
        return query;
    }

    @Override
    public SqlOperator getOperator() {
        return view ? ALTER_VIEW : ALTER_TABLE;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
        if (query != null) {
            operands.add(query);
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(view ? "ALTER VIEW" : "ALTER TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        switch (action) {
            case RENAME -> {
                writer.keyword("RENAME TO");
                newName.unparse(writer, 0, 0);
            }
            case RENAME_COLUMN -> {
                writer.keyword("RENAME");
                column.unparse(writer, 0, 0);
                writer.keyword("TO");
                newName.unparse(writer, 0, 0);
            }
            case SET -> {
                writer.keyword("SET");
                DdlOptions.unparse(writer, options, false);
            }
            case RESET -> {
                writer.keyword("RESET");
                unparseList(writer, options);
            }
            case ADD, MODIFY -> {
                writer.keyword(action.name());
                List<SqlNode> elements = new ArrayList<>(parts.columns());
                if (parts.watermark() != null) {
                    elements.add(parts.watermark());
                }
                if (parts.primaryKey() != null) {
                    elements.add(parts.primaryKey());
                }
                unparseList(writer, new SqlNodeList(elements, SqlParserPos.ZERO));
            }
            case DROP_COLUMNS -> {
                writer.keyword("DROP");
                unparseList(writer, options);
            }
            case DROP_PRIMARY_KEY -> writer.keyword("DROP PRIMARY KEY");
            case DROP_WATERMARK -> writer.keyword("DROP WATERMARK");
            case VIEW_QUERY -> {
                writer.keyword("AS");
                query.unparse(writer, 0, 0);
            }
        }
    }

    private static void unparseList(SqlWriter writer, SqlNodeList nodes) {
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode node : nodes) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
