package io.weir.sql.parser;

import io.weir.sql.api.ValidationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Places the errors the planner raises after validation (from the plan's relational nodes, where
 * the statement's text is gone) in their statement: such an error says what it is about (a
 * {@link Subject}: the INSERT's target, a table reference, a function call, a JOIN, ...), and
 * {@link #locate} finds that part in the statement's syntax tree and gives the error its line and
 * column, as the validator's errors have. An error about the whole statement, or whose part is not
 * found, is placed at the statement's start (INSERT INTO t / SELECT).
 */
public final class StatementPlaces {

    private StatementPlaces() {
    }

    /** What a planning error is about. */
    public enum Kind {
        /** The whole statement. */
        STATEMENT,
        /** The table an INSERT writes (its name after INSERT INTO). */
        SINK,
        /** A table or view the query reads, by its (qualified) name. */
        TABLE,
        /** A call of a function, aggregate, window function or operator, by its name. */
        CALL,
        /** A JOIN, of a kind (LEFT, FULL, ...) or of any kind. */
        JOIN,
        /** A temporal join's FOR SYSTEM_TIME AS OF, of a table or of any. */
        TEMPORAL_JOIN,
        /** The ORDER BY clause. */
        ORDER_BY,
        /** The LIMIT, FETCH or OFFSET clause. */
        FETCH,
        /** A set operation: UNION, INTERSECT or EXCEPT. */
        SET_OPERATION,
        /** The GROUP BY clause. */
        GROUP_BY,
        /** A VALUES clause. */
        VALUES,
        /** A sub-query in an expression: IN, EXISTS, SOME/ANY/ALL (or a scalar sub-query, not placed). */
        SUB_QUERY
    }

    /**
     * What an error is about: its kind and, for kinds that have several in a statement, a name (the
     * table's qualified name, the function's name, the join's kind), empty for the first of its kind.
     */
    public record Subject(Kind kind, List<String> name) implements Serializable {

        public Subject {
            name = List.copyOf(name);
        }

        public static Subject statement() {
            return new Subject(Kind.STATEMENT, List.of());
        }

        public static Subject sink() {
            return new Subject(Kind.SINK, List.of());
        }

        /** A table or view the query reads; its name qualified as far as known ({@code cat.db.t} or {@code t}). */
        public static Subject table(List<String> qualifiedName) {
            return new Subject(Kind.TABLE, qualifiedName);
        }

        /** {@link #table(List)} of a dotted name ({@code cat.db.t}, as {@code ObjectIdentifier} prints it). */
        public static Subject table(String qualifiedName) {
            return table(List.of(qualifiedName.replace("`", "").split("\\.")));
        }

        /** A call of the function or operator of that name (case does not matter). */
        public static Subject call(String name) {
            return new Subject(Kind.CALL, List.of(name));
        }

        /** A join of that kind (INNER, LEFT, RIGHT, FULL, CROSS, COMMA), or of any kind if null. */
        public static Subject join(String kind) {
            return new Subject(Kind.JOIN, kind == null ? List.of() : List.of(kind));
        }

        /** The FOR SYSTEM_TIME AS OF of a table (its name, possibly qualified), or of any table if null. */
        public static Subject temporalJoin(String table) {
            return new Subject(Kind.TEMPORAL_JOIN, table == null ? List.of() : List.of(table.replace("`", "").split("\\.")));
        }

        public static Subject orderBy() {
            return new Subject(Kind.ORDER_BY, List.of());
        }

        public static Subject fetch() {
            return new Subject(Kind.FETCH, List.of());
        }

        /** A UNION, INTERSECT or EXCEPT (the name is the SqlKind's, e.g. {@code UNION}), or any if null. */
        public static Subject setOperation(String kind) {
            return new Subject(Kind.SET_OPERATION, kind == null ? List.of() : List.of(kind));
        }

        public static Subject groupBy() {
            return new Subject(Kind.GROUP_BY, List.of());
        }

        public static Subject values() {
            return new Subject(Kind.VALUES, List.of());
        }

        public static Subject subQuery() {
            return new Subject(Kind.SUB_QUERY, List.of());
        }
    }

    /** A planning error about {@code subject}, without its place yet; {@link #locate} places it. */
    public static ValidationException error(Subject subject, String detail) {
        return new Unplaced(detail, subject, null);
    }

    /** A planning error about {@code subject} with its cause, without its place yet. */
    public static ValidationException error(Subject subject, String detail, Throwable cause) {
        return new Unplaced(detail, subject, cause);
    }

    /** A planning error about the part of the statement at {@code pos}. */
    public static ValidationException error(SqlParserPos pos, String detail) {
        return placed(detail, pos, null);
    }

    /**
     * {@code error} about {@code subject} if it says about nothing more precise (an error of a
     * connector's factory, say, is about the table whose factory it is); otherwise {@code error}.
     */
    public static ValidationException about(Subject subject, ValidationException error) {
        if (error.hasPosition() || subjectOf(error).kind() != Kind.STATEMENT) {
            return error;
        }
        ValidationException about = new Unplaced(error.detail(), subject, error.getCause());
        about.setStackTrace(error.getStackTrace());
        return about;
    }

    /** What an error is about, if it said so; otherwise the whole statement. */
    public static Subject subjectOf(ValidationException error) {
        return error instanceof Unplaced unplaced ? unplaced.subject : Subject.statement();
    }

    /**
     * {@code error} at its place in {@code statement} (the tree the statement's text parsed to, whose
     * positions are in the statement's coordinates): an error that has a place is returned as it is;
     * another at the part it is about, or at the statement's start.
     */
    public static ValidationException locate(ValidationException error, SqlNode statement) {
        if (error.hasPosition() || statement == null) {
            return error;
        }
        SqlParserPos pos = find(subjectOf(error), statement);
        if (pos == null) {
            pos = statementStart(statement);
        }
        if (pos == null || pos.getLineNum() <= 0) {
            return error;
        }
        ValidationException located = placed(error.detail(), pos, error.getCause());
        located.setStackTrace(error.getStackTrace());
        return located;
    }

    private static ValidationException placed(String detail, SqlParserPos pos, Throwable cause) {
        int line = pos.getLineNum();
        int column = Math.max(1, pos.getColumnNum());
        int endLine = pos.getEndLineNum() < line ? line : pos.getEndLineNum();
        int endColumn = endLine == line && pos.getEndColumnNum() < column ? column : Math.max(1, pos.getEndColumnNum());
        return new ValidationException(detail, line, column, endLine, endColumn, null, cause);
    }

    /** Where the statement starts, over its first keyword's line (INSERT INTO t, SELECT ...). */
    private static SqlParserPos statementStart(SqlNode statement) {
        SqlParserPos pos = statement.getParserPosition();
        if (statement instanceof SqlInsert insert) {
            // INSERT INTO t: from INSERT to the target's name
            return pos.plus(insert.getTargetTable().getParserPosition());
        }
        if (statement instanceof SqlOrderBy orderBy) {
            return statementStart(orderBy.query);
        }
        if (statement instanceof SqlBasicCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)
                && call.operandCount() > 0) {
            return statementStart(call.operand(0));
        }
        if (statement instanceof SqlSelect select) {
            // SELECT ...: the select list's line
            return new SqlParserPos(pos.getLineNum(), pos.getColumnNum(), pos.getLineNum(), pos.getColumnNum() + 5);
        }
        return pos.getLineNum() <= 0 ? null
                : new SqlParserPos(pos.getLineNum(), pos.getColumnNum(), pos.getLineNum(), pos.getColumnNum());
    }

    /** The place of the subject's first occurrence in the statement, or null if it has none. */
    static SqlParserPos find(Subject subject, SqlNode statement) {
        List<String> name = subject.name();
        return switch (subject.kind()) {
            case STATEMENT -> null;
            case SINK -> sink(statement);
            case TABLE -> first(tableReferences(statement), n -> endsWith(((SqlIdentifier) n).names, name, false),
                    n -> endsWith(((SqlIdentifier) n).names, name, true));
            case CALL -> first(nodes(statement), n -> n instanceof SqlCall call && !(n instanceof SqlSelect)
                    && sameName(call.getOperator().getName(), name.get(0)));
            case JOIN -> joinPlace(statement, name);
            case TEMPORAL_JOIN -> first(nodes(statement), n -> n instanceof SqlSnapshot snapshot && (name.isEmpty()
                    || snapshot.getTableRef() instanceof SqlIdentifier id && endsWith(id.names, name, true)), n -> n
                    instanceof SqlSnapshot);
            case ORDER_BY -> first(orderLists(statement), n -> true);
            case FETCH -> fetchPlace(statement);
            case SET_OPERATION -> first(nodes(statement), n -> n.getKind().belongsTo(SqlKind.SET_QUERY)
                    && (name.isEmpty() || n.getKind().name().equalsIgnoreCase(name.get(0))), n -> n.getKind()
                    .belongsTo(SqlKind.SET_QUERY));
            case GROUP_BY -> groupByPlace(statement);
            case VALUES -> first(nodes(statement), n -> n.getKind() == SqlKind.VALUES);
            case SUB_QUERY -> first(nodes(statement), n -> n instanceof SqlCall call
                    && (n.getKind() == SqlKind.IN || n.getKind() == SqlKind.NOT_IN || n.getKind() == SqlKind.EXISTS
                    || n.getKind() == SqlKind.SOME || n.getKind() == SqlKind.ALL)
                    && call.getOperandList().stream().anyMatch(o -> o != null && o.getKind().belongsTo(SqlKind.QUERY)));
        };
    }

    private static SqlParserPos sink(SqlNode statement) {
        for (SqlNode node : nodes(statement)) {
            if (node instanceof SqlInsert insert) {
                return insert.getTargetTable().getParserPosition();
            }
        }
        return null;
    }

    /** A join of that kind: from its keyword (LEFT JOIN, JOIN, the comma) over its right side and condition. */
    private static SqlParserPos joinPlace(SqlNode statement, List<String> kind) {
        SqlJoin match = null;
        SqlJoin any = null;
        for (SqlNode node : nodes(statement)) {
            if (node instanceof SqlJoin join) {
                any = any == null ? join : any;
                if (match == null && !kind.isEmpty() && joinKindMatches(join, kind.get(0))) {
                    match = join;
                }
            }
        }
        SqlJoin join = match != null ? match : any;
        if (join == null) {
            return null;
        }
        SqlParserPos pos = join.getJoinTypeNode().getParserPosition();
        SqlNode end = join.getCondition() != null ? join.getCondition() : join.getRight();
        return end.getParserPosition().getLineNum() > 0 ? pos.plus(end.getParserPosition()) : pos;
    }

    private static boolean joinKindMatches(SqlJoin join, String kind) {
        String type = join.getJoinType().name();
        String wanted = kind.toUpperCase(Locale.ROOT);
        return type.equals(wanted) || (wanted.equals("INNER") && (type.equals("COMMA") || type.equals("CROSS")));
    }

    private static SqlParserPos fetchPlace(SqlNode statement) {
        for (SqlNode node : nodes(statement)) {
            SqlNode fetch = null;
            SqlNode offset = null;
            if (node instanceof SqlOrderBy orderBy) {
                fetch = orderBy.fetch;
                offset = orderBy.offset;
            } else if (node instanceof SqlSelect select) {
                fetch = select.getFetch();
                offset = select.getOffset();
            }
            if (fetch != null || offset != null) {
                return (fetch != null ? fetch : offset).getParserPosition();
            }
        }
        return null;
    }

    private static SqlParserPos groupByPlace(SqlNode statement) {
        for (SqlNode node : nodes(statement)) {
            if (node instanceof SqlSelect select && select.getGroup() != null) {
                return select.getGroup().getParserPosition();
            }
        }
        return null;
    }

    /** The first node the first predicate accepts, else the first the second accepts; its place, or null. */
    @SafeVarargs
    private static SqlParserPos first(List<SqlNode> nodes, Predicate<SqlNode>... tests) {
        for (Predicate<SqlNode> test : tests) {
            for (SqlNode node : nodes) {
                if (test.test(node) && node.getParserPosition().getLineNum() > 0) {
                    return node.getParserPosition();
                }
            }
        }
        return null;
    }

    private static boolean sameName(String operator, String wanted) {
        String a = operator.startsWith("$") ? operator.substring(1) : operator;
        String b = wanted.startsWith("$") ? wanted.substring(1) : wanted;
        return a.equalsIgnoreCase(b);
    }

    /** True if {@code names} is a suffix of {@code qualified} (a reference {@code db.t} of {@code cat.db.t}). */
    private static boolean endsWith(List<String> names, List<String> qualified, boolean ignoreCase) {
        if (names.isEmpty() || names.size() > qualified.size()) {
            return false;
        }
        int offset = qualified.size() - names.size();
        for (int i = 0; i < names.size(); i++) {
            String a = names.get(i);
            String b = qualified.get(offset + i);
            if (!(ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b))) {
                return false;
            }
        }
        return true;
    }

    /** Every node of the statement, in the order of the text (a node before its parts). */
    static List<SqlNode> nodes(SqlNode statement) {
        List<SqlNode> nodes = new ArrayList<>();
        collect(statement, nodes);
        nodes.sort((a, b) -> compare(a.getParserPosition(), b.getParserPosition()));
        return nodes;
    }

    private static int compare(SqlParserPos a, SqlParserPos b) {
        int byLine = Integer.compare(a.getLineNum(), b.getLineNum());
        return byLine != 0 ? byLine : Integer.compare(a.getColumnNum(), b.getColumnNum());
    }

    private static void collect(SqlNode node, List<SqlNode> nodes) {
        if (node == null) {
            return;
        }
        nodes.add(node);
        if (node instanceof SqlNodeList list) {
            for (SqlNode element : list) {
                collect(element, nodes);
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands;
            try {
                operands = call.getOperandList();
            } catch (RuntimeException e) {
                return; // a statement node that does not list its parts
            }
            for (SqlNode operand : operands) {
                collect(operand, nodes);
            }
        }
    }

    /** The ORDER BY lists of the statement's queries. */
    private static List<SqlNode> orderLists(SqlNode statement) {
        List<SqlNode> lists = new ArrayList<>();
        for (SqlNode node : nodes(statement)) {
            if (node instanceof SqlOrderBy orderBy && !orderBy.orderList.isEmpty()) {
                lists.add(orderBy.orderList);
            } else if (node instanceof SqlSelect select && select.getOrderList() != null
                    && !select.getOrderList().isEmpty()) {
                lists.add(select.getOrderList());
            }
        }
        return lists;
    }

    /** The identifiers that name tables or views in the FROM clauses of the statement, in text order. */
    private static List<SqlNode> tableReferences(SqlNode statement) {
        List<SqlNode> references = new ArrayList<>();
        for (SqlNode node : nodes(statement)) {
            if (node instanceof SqlSelect select) {
                fromTables(select.getFrom(), references);
            }
        }
        references.sort((a, b) -> compare(a.getParserPosition(), b.getParserPosition()));
        return references;
    }

    private static void fromTables(SqlNode from, List<SqlNode> references) {
        if (from == null) {
            return;
        }
        if (from instanceof SqlIdentifier id) {
            references.add(id);
        } else if (from instanceof SqlJoin join) {
            fromTables(join.getLeft(), references);
            fromTables(join.getRight(), references);
        } else if (from instanceof SqlSnapshot snapshot) {
            fromTables(snapshot.getTableRef(), references);
        } else if (from instanceof SqlCall call && !(from instanceof SqlSelect)) {
            switch (call.getKind()) {
                // t AS x, t /*+ OPTIONS(...) */, TABLE t inside a window function, LATERAL TABLE(...)
                case AS, TABLE_REF, EXPLICIT_TABLE -> fromTables(call.operand(0), references);
                case COLLECTION_TABLE, LATERAL -> {
                    for (SqlNode operand : call.getOperandList()) {
                        fromTables(operand, references);
                    }
                }
                default -> {
                    // a window table function: TUMBLE(TABLE t, ...), or another call with tables as arguments
                    for (SqlNode operand : call.getOperandList()) {
                        if (operand != null && (operand.getKind() == SqlKind.EXPLICIT_TABLE
                                || operand.getKind() == SqlKind.SET_SEMANTICS_TABLE)) {
                            fromTables(operand, references);
                        }
                    }
                }
            }
        }
    }

    /** An error that says what it is about but not yet where; {@link #locate} turns it into a placed one. */
    private static final class Unplaced extends ValidationException {

        private static final long serialVersionUID = 1L;

        private final Subject subject;

        Unplaced(String detail, Subject subject, Throwable cause) {
            super(detail, cause);
            this.subject = subject;
        }
    }
}
