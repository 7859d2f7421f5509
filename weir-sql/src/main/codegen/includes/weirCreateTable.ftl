<#--
  CREATE [TEMPORARY] TABLE and CREATE [TEMPORARY] VIEW in the Flink dialect. Calcite's SqlCreate
  production has already read CREATE [OR REPLACE] when WeirCreateTableOrView is called.
-->

SqlCreate WeirCreateTableOrView(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean system = false;
    final SqlCreate create;
}
{
    (
        create = WeirCreateCatalogOrDatabase(s, replace)
    |
        [ <TEMPORARY> { temporary = true; } [ <SYSTEM> { system = true; } ] ]
        (
            create = WeirCreateTable(s, replace, temporary, false)
        |
            create = WeirCreateView(s, replace, temporary)
        |
            create = WeirCreateFunction(s, replace, temporary, system)
        )
    )
    { return create; }
}

/**
 * CREATE CATALOG [IF NOT EXISTS] name [COMMENT 'text'] WITH (...), or CREATE DATABASE [IF NOT EXISTS]
 * [catalog.]name [COMMENT 'text'] [WITH (...)].
 */
SqlCreate WeirCreateCatalogOrDatabase(Span s, boolean replace) :
{
    final boolean database;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlNode comment = null;
    SqlNodeList options = SqlNodeList.EMPTY;
}
{
    (
        <CATALOG> { database = false; }
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        name = SimpleIdentifier()
    |
        <DATABASE> { database = true; }
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        name = CompoundIdentifier()
    )
    [ <COMMENT> comment = StringLiteral() ]
    [ <WITH> options = ParenthesizedKeyValueOptionCommaList() ]
    {
        return new SqlCreateCatalogOrDatabase(s.end(this), database, name, (SqlLiteral) comment, options,
            ifNotExists, replace);
    }
}

/** REPLACE TABLE name [...] WITH (...) AS query: replaces an existing table only, as Flink. */
SqlNode WeirReplaceTable() :
{
    final Span s;
    final SqlCreate create;
}
{
    <REPLACE> { s = span(); }
    create = WeirCreateTable(s, true, false, true)
    { return create; }
}

/** CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA]. */
SqlCreate WeirCreateFunction(Span s, boolean replace, boolean temporary, boolean system) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final SqlNode className;
    SqlIdentifier language = null;
}
{
    <FUNCTION>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    <AS> className = StringLiteral()
    [ <LANGUAGE> language = SimpleIdentifier() ]
    {
        return new SqlCreateFunction(s.end(this), name, ((SqlLiteral) className).getValueAs(String.class),
            language == null ? null : language.getSimple(),
            temporary, system, ifNotExists, replace);
    }
}

SqlCreate WeirCreateTable(Span s, boolean replace, boolean temporary, boolean replaceOnly) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final TableSchemaParts parts = new TableSchemaParts();
    SqlNode comment = null;
    SqlNodeList partitionKeys = SqlNodeList.EMPTY;
    SqlNodeList options = SqlNodeList.EMPTY;
    SqlTableLike like = null;
    SqlNode query = null;
}
{
    <TABLE>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    [
        <LPAREN>
        WeirTableElement(parts) ( <COMMA> WeirTableElement(parts) )*
        <RPAREN>
    ]
    [ <COMMENT> comment = StringLiteral() ]
    [ <PARTITIONED> <BY> partitionKeys = ParenthesizedSimpleIdentifierList() ]
    [ <WITH> options = ParenthesizedKeyValueOptionCommaList() ]
    [ like = WeirTableLike() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return new SqlCreateTable(s.end(this), name, parts, (SqlLiteral) comment, partitionKeys,
            options, like, query, temporary, ifNotExists, replace, replaceOnly);
    }
}

/** One entry between the parentheses of CREATE TABLE: a column, a WATERMARK or a constraint. */
void WeirTableElement(TableSchemaParts parts) :
{
    final Span s;
    final SqlIdentifier column;
    final SqlNode expression;
    SqlIdentifier constraintName = null;
    final SqlNodeList keys;
}
{
    (
        LOOKAHEAD(2)
        <WATERMARK> { s = span(); } <FOR> column = CompoundIdentifier() <AS>
        expression = Expression(ExprContext.ACCEPT_NON_QUERY)
        { parts.addWatermark(new SqlWatermark(s.end(this), column, expression)); }
    |
        [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
        <PRIMARY> { s = span(); } <KEY> keys = ParenthesizedSimpleIdentifierList()
        <NOT> <ENFORCED>
        { parts.addPrimaryKey(new SqlPrimaryKey(s.end(this), constraintName, keys)); }
    |
        WeirColumn(parts)
    )
}

/**
 * A physical column (name type [NOT NULL]), a computed column (name AS expression) or a metadata
 * column (name type METADATA [FROM 'key'] [VIRTUAL]); any of them may end with COMMENT 'text',
 * and a physical column with PRIMARY KEY NOT ENFORCED.
 */
void WeirColumn(TableSchemaParts parts) :
{
    final SqlIdentifier name;
    SqlDataTypeSpec type = null;
    SqlNode expression = null;
    boolean metadata = false;
    SqlNode metadataKey = null;
    boolean isVirtual = false;
    boolean nullable = true;
    SqlNode comment = null;
    final Span s;
}
{
    name = SimpleIdentifier() { s = span(); }
    (
        <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY)
    |
        type = WeirColumnType()
        nullable = NullableOptDefaultTrue()
        [
            <METADATA> { metadata = true; }
            [ <FROM> metadataKey = StringLiteral() ]
            [ <VIRTUAL> { isVirtual = true; } ]
        ]
        [
            <PRIMARY> <KEY> <NOT> <ENFORCED>
            { parts.addPrimaryKey(new SqlPrimaryKey(getPos(), null, new SqlNodeList(java.util.Collections.singletonList(name), name.getParserPosition()))); }
        ]
    )
    [ <COMMENT> comment = StringLiteral() ]
    {
        SqlTableColumn.Kind kind = expression != null ? SqlTableColumn.Kind.COMPUTED
            : metadata ? SqlTableColumn.Kind.METADATA : SqlTableColumn.Kind.PHYSICAL;
        if (type != null) {
            type = type.withNullable(nullable, getPos());
        }
        parts.addColumn(new SqlTableColumn(s.end(this), kind, name, type, expression,
            (SqlLiteral) metadataKey, isVirtual, (SqlLiteral) comment));
    }
}

/** LIKE source [( {INCLUDING | EXCLUDING | OVERWRITING} {ALL | feature} , ... )]. */
SqlTableLike WeirTableLike() :
{
    final Span s;
    final SqlIdentifier source;
    final List<String> options = new ArrayList<String>();
}
{
    <LIKE> { s = span(); } source = CompoundIdentifier()
    [
        <LPAREN> WeirLikeOption(options) ( <COMMA> WeirLikeOption(options) )* <RPAREN>
    ]
    { return new SqlTableLike(s.end(this), source, options); }
}

/** Adds "STRATEGY FEATURE" (upper case) to the list; SqlTableLike checks the words. */
void WeirLikeOption(List<String> options) :
{
    final String strategy;
    final String feature;
    SqlIdentifier word;
}
{
    word = SimpleIdentifier() { strategy = word.getSimple(); }
    (
        <ALL> { feature = "ALL"; }
    |
        word = SimpleIdentifier() { feature = word.getSimple(); }
    )
    { options.add(strategy.toUpperCase(java.util.Locale.ROOT) + " " + feature.toUpperCase(java.util.Locale.ROOT)); }
}

/** [IF NOT EXISTS] name [(column, ...)] [COMMENT 'text'] AS query, after CREATE [TEMPORARY] VIEW. */
SqlCreate WeirCreateView(Span s, boolean replace, boolean temporary) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    SqlNode comment = null;
    final SqlNode query;
}
{
    <VIEW>
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    [ <COMMENT> comment = StringLiteral() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), name, columns, (SqlLiteral) comment, query,
            temporary, ifNotExists, replace);
    }
}
