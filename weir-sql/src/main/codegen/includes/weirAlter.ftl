<#--
  ALTER TABLE, ALTER VIEW and ALTER FUNCTION in the Flink dialect. Listed among the statement
  methods, so LOOKAHEAD(2) tells them from Calcite's ALTER SYSTEM / ALTER SESSION.
-->

SqlNode WeirAlterStatement() :
{
    final Span s;
    final SqlNode alter;
}
{
    <ALTER> { s = span(); }
    (
        alter = WeirAlterTable(s)
    |
        alter = WeirAlterView(s)
    |
        alter = WeirAlterFunction(s)
    |
        alter = WeirAlterCatalogOrDatabase(s)
    )
    { return alter; }
}

/**
 * ALTER CATALOG name SET ('k' = 'v', ...) | RESET ('k', ...) | COMMENT 'text', and
 * ALTER DATABASE [catalog.]name SET ('k' = 'v', ...), as Flink 2.x.
 */
SqlNode WeirAlterCatalogOrDatabase(Span s) :
{
    boolean database = false;
    final SqlIdentifier name;
    SqlNodeList options;
    final List<SqlNode> keys = new ArrayList<SqlNode>();
    SqlNode key;
}
{
    (
        <CATALOG> name = SimpleIdentifier()
        (
            <SET> options = ParenthesizedKeyValueOptionCommaList()
            {
                return new SqlAlterCatalogOrDatabase(s.end(this), false, name,
                    SqlAlterCatalogOrDatabase.Action.SET, options);
            }
        |
            <RESET> <LPAREN> key = StringLiteral() { keys.add(key); }
            ( <COMMA> key = StringLiteral() { keys.add(key); } )* <RPAREN>
            {
                return new SqlAlterCatalogOrDatabase(s.end(this), false, name,
                    SqlAlterCatalogOrDatabase.Action.RESET, new SqlNodeList(keys, s.end(this)));
            }
        |
            <COMMENT> key = StringLiteral()
            {
                return new SqlAlterCatalogOrDatabase(s.end(this), false, name,
                    SqlAlterCatalogOrDatabase.Action.COMMENT,
                    new SqlNodeList(java.util.Collections.singletonList(key), s.end(this)));
            }
        )
    |
        <DATABASE> name = CompoundIdentifier()
        <SET> options = ParenthesizedKeyValueOptionCommaList()
        {
            return new SqlAlterCatalogOrDatabase(s.end(this), true, name,
                SqlAlterCatalogOrDatabase.Action.SET, options);
        }
    )
}

/**
 * ALTER TABLE [IF EXISTS] name followed by RENAME TO new | RENAME col TO new | SET ('k' = 'v', ...)
 * | RESET ('k', ...) | ADD component(s) | MODIFY component(s) | DROP [COLUMN] col | DROP (col, ...)
 * | DROP PRIMARY KEY | DROP CONSTRAINT name | DROP WATERMARK.
 */
SqlNode WeirAlterTable(Span s) :
{
    boolean ifExists = false;
    final SqlIdentifier name;
    SqlIdentifier newName;
    SqlIdentifier column;
    SqlNodeList options;
    SqlNodeList columns;
    final TableSchemaParts parts = new TableSchemaParts();
    final Map<String, String> positions = new java.util.LinkedHashMap<String, String>();
    final List<SqlNode> keys = new ArrayList<SqlNode>();
    SqlNode key;
}
{
    <TABLE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier()
    (
        <RENAME>
        (
            <TO> newName = CompoundIdentifier()
            { return SqlAlterTable.rename(s.end(this), name, false, ifExists, newName); }
        |
            column = SimpleIdentifier() <TO> newName = SimpleIdentifier()
            { return SqlAlterTable.renameColumn(s.end(this), name, ifExists, column, newName); }
        )
    |
        <SET> options = ParenthesizedKeyValueOptionCommaList()
        { return SqlAlterTable.set(s.end(this), name, ifExists, options); }
    |
        <RESET> <LPAREN> key = StringLiteral() { keys.add(key); }
        ( <COMMA> key = StringLiteral() { keys.add(key); } )* <RPAREN>
        { return SqlAlterTable.reset(s.end(this), name, ifExists, new SqlNodeList(keys, s.end(this))); }
    |
        <ADD> WeirAlterComponents(parts, positions)
        { return SqlAlterTable.schemaChange(s.end(this), name, ifExists, SqlAlterTable.Action.ADD, parts, positions); }
    |
        <MODIFY> WeirAlterComponents(parts, positions)
        { return SqlAlterTable.schemaChange(s.end(this), name, ifExists, SqlAlterTable.Action.MODIFY, parts, positions); }
    |
        <DROP>
        (
            <PRIMARY> <KEY>
            { return SqlAlterTable.drop(s.end(this), name, ifExists, SqlAlterTable.Action.DROP_PRIMARY_KEY, SqlNodeList.EMPTY); }
        |
            <CONSTRAINT> SimpleIdentifier()
            { return SqlAlterTable.drop(s.end(this), name, ifExists, SqlAlterTable.Action.DROP_PRIMARY_KEY, SqlNodeList.EMPTY); }
        |
            <WATERMARK>
            { return SqlAlterTable.drop(s.end(this), name, ifExists, SqlAlterTable.Action.DROP_WATERMARK, SqlNodeList.EMPTY); }
        |
            columns = ParenthesizedSimpleIdentifierList()
            { return SqlAlterTable.drop(s.end(this), name, ifExists, SqlAlterTable.Action.DROP_COLUMNS, columns); }
        |
            [ <COLUMN> ] column = SimpleIdentifier()
            {
                return SqlAlterTable.drop(s.end(this), name, ifExists, SqlAlterTable.Action.DROP_COLUMNS,
                    new SqlNodeList(java.util.Collections.singletonList(column), column.getParserPosition()));
            }
        )
    )
}

/** One component, or several in parentheses, of ALTER TABLE ADD / MODIFY. */
void WeirAlterComponents(TableSchemaParts parts, Map<String, String> positions) :
{
}
{
    LOOKAHEAD(2)
    <LPAREN>
    WeirAlterComponent(parts, positions) ( <COMMA> WeirAlterComponent(parts, positions) )*
    <RPAREN>
|
    WeirAlterComponent(parts, positions)
}

/** A column, WATERMARK or PRIMARY KEY; a column may end with FIRST or AFTER another column. */
void WeirAlterComponent(TableSchemaParts parts, Map<String, String> positions) :
{
    final int before = parts.columns().size();
    SqlIdentifier after;
}
{
    WeirTableElement(parts)
    [
        <FIRST>
        { positions.put(parts.columns().get(parts.columns().size() - 1).name().getSimple(), ""); }
    |
        <AFTER> after = SimpleIdentifier()
        { positions.put(parts.columns().get(parts.columns().size() - 1).name().getSimple(), after.getSimple()); }
    ]
}

/** ALTER VIEW name RENAME TO new | ALTER VIEW name AS query. */
SqlNode WeirAlterView(Span s) :
{
    final SqlIdentifier name;
    final SqlIdentifier newName;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    (
        <RENAME> <TO> newName = CompoundIdentifier()
        { return SqlAlterTable.rename(s.end(this), name, true, false, newName); }
    |
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        { return SqlAlterTable.viewQuery(s.end(this), name, query); }
    )
}

/** ALTER [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name AS 'class' [LANGUAGE JAVA]. */
SqlNode WeirAlterFunction(Span s) :
{
    boolean temporary = false;
    boolean system = false;
    boolean ifExists = false;
    final SqlIdentifier name;
    final SqlNode className;
    SqlIdentifier language = null;
}
{
    [ <TEMPORARY> { temporary = true; } [ <SYSTEM> { system = true; } ] ]
    <FUNCTION>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier()
    <AS> className = StringLiteral()
    [ <LANGUAGE> language = SimpleIdentifier() ]
    {
        return new SqlAlterFunction(s.end(this), name, ((SqlLiteral) className).getValueAs(String.class),
            language == null ? null : language.getSimple(), temporary, system, ifExists);
    }
}

/**
 * INSERT { INTO | OVERWRITE } table [hints] [PARTITION (k = value, ...)] [(columns)] query: Flink's
 * INSERT. It replaces Calcite's INSERT (being listed among the statement methods, LOOKAHEAD(2) picks
 * it for every INSERT), adding OVERWRITE (the rows replace the table's, or the written partitions')
 * and the static partition clause (those columns take the given values, the query gives the rest).
 */
SqlNode WeirInsert() :
{
    final Span s;
    boolean overwrite = false;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    SqlNodeList partition = null;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); }
    ( <INTO> | <OVERWRITE> { overwrite = true; } )
    tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    [ partition = WeirStaticPartition() ]
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    { return new RichSqlInsert(s.end(source), tableRef, source, columns, partition, overwrite); }
}

/** PARTITION (k = literal, ...): each pair as a two-element list of the column and its value. */
SqlNodeList WeirStaticPartition() :
{
    final Span s;
    final List<SqlNode> pairs = new ArrayList<SqlNode>();
    SqlIdentifier column;
    SqlNode value;
}
{
    <PARTITION> { s = span(); } <LPAREN>
    column = SimpleIdentifier() <EQ> value = Literal()
    { pairs.add(new SqlNodeList(java.util.Arrays.<SqlNode>asList(column, value), column.getParserPosition())); }
    (
        <COMMA> column = SimpleIdentifier() <EQ> value = Literal()
        { pairs.add(new SqlNodeList(java.util.Arrays.<SqlNode>asList(column, value), column.getParserPosition())); }
    )*
    <RPAREN>
    { return new SqlNodeList(pairs, s.end(this)); }
}
