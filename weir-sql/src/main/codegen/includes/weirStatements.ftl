<#--
  Weir's grammar additions for the Flink SQL dialect: session statements (SET, RESET, USE),
  catalog listing (SHOW, DESCRIBE), EXPLAIN, statement sets, DROP and Flink's type names.
  Included into Calcite's Parser.jj template by config.fmpp. The nodes built here live in
  io.weir.sql.parser.ddl and io.weir.sql.parser.dml.
-->

/**
 * SET 'key' = 'value', SET (lists the session options), or Calcite's SET name = value.
 */
SqlNode WeirSetStatement() :
{
    final Span s;
    SqlNode key = null;
    SqlNode value = null;
    SqlIdentifier name;
}
{
    <SET> { s = span(); }
    (
        key = StringLiteral() <EQ> value = StringLiteral()
        {
            return new SqlSetStatement(s.end(this), (SqlLiteral) key, (SqlLiteral) value);
        }
    |
        name = CompoundIdentifier() <EQ>
        (
            value = Literal()
        |
            value = SimpleIdentifier()
        |
            <ON> { value = SqlLiteral.createCharString("ON", getPos()); }
        )
        {
            return new SqlSetOption(s.end(this), null, name, value);
        }
    |
        { return new SqlSetStatement(s.end(this), null, null); }
    )
}

/** RESET 'key', RESET name, RESET ALL or RESET (all session options). */
SqlNode WeirResetStatement() :
{
    final Span s;
    SqlNode key = null;
    SqlIdentifier name;
}
{
    <RESET> { s = span(); }
    (
        key = StringLiteral()
        { return new SqlResetStatement(s.end(this), ((SqlLiteral) key).getValueAs(String.class)); }
    |
        name = CompoundIdentifier()
        { return new SqlResetStatement(s.end(this), name.toString()); }
    |
        <ALL>
        { return new SqlResetStatement(s.end(this), null); }
    |
        { return new SqlResetStatement(s.end(this), null); }
    )
}

/**
 * SHOW TABLES | VIEWS | FUNCTIONS | CATALOGS | DATABASES | CURRENT CATALOG | CURRENT DATABASE, or
 * SHOW CREATE TABLE | VIEW | CATALOG name.
 */
SqlNode WeirShowStatement() :
{
    final Span s;
    final SqlShowStatement.Listing listing;
    boolean view = false;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    (
        <CREATE>
        (
            <CATALOG> name = SimpleIdentifier()
            { return new SqlShowCreate(s.end(this), name, false, true); }
        |
            ( <TABLE> | <VIEW> { view = true; } ) name = CompoundIdentifier()
            { return new SqlShowCreate(s.end(this), name, view); }
        )
    |
        <TABLES> { listing = SqlShowStatement.Listing.TABLES; }
    |
        <VIEWS> { listing = SqlShowStatement.Listing.VIEWS; }
    |
        <FUNCTIONS> { listing = SqlShowStatement.Listing.FUNCTIONS; }
    |
        <CATALOGS> { listing = SqlShowStatement.Listing.CATALOGS; }
    |
        <DATABASES> { listing = SqlShowStatement.Listing.DATABASES; }
    |
        <CURRENT>
        (
            <CATALOG> { listing = SqlShowStatement.Listing.CURRENT_CATALOG; }
        |
            <DATABASE> { listing = SqlShowStatement.Listing.CURRENT_DATABASE; }
        )
    )
    { return new SqlShowStatement(s.end(this), listing); }
}

/** DESCRIBE [EXTENDED] name, or DESC name; DESCRIBE CATALOG [EXTENDED] name. */
SqlNode WeirDescribeStatement() :
{
    final Span s;
    boolean extended = false;
    SqlIdentifier name;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    [
        LOOKAHEAD(2) <CATALOG> [ LOOKAHEAD(2) <EXTENDED> { extended = true; } ] name = SimpleIdentifier()
        { return new SqlDescribeStatement(s.end(this), name, extended, true); }
    ]
    [ LOOKAHEAD(<EXTENDED> (<TABLE> | SimpleIdentifier())) <EXTENDED> { extended = true; } ]
    [ <TABLE> ]
    name = CompoundIdentifier()
    { return new SqlDescribeStatement(s.end(this), name, extended); }
}

/** USE CATALOG name, or USE [catalog.]database. */
SqlNode WeirUseStatement() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <USE> { s = span(); }
    (
        LOOKAHEAD(2)
        <CATALOG> name = SimpleIdentifier()
        { return new SqlUseStatement(s.end(this), name, true); }
    |
        name = CompoundIdentifier()
        { return new SqlUseStatement(s.end(this), name, false); }
    )
}

/** EXPLAIN [PLAN FOR] followed by a query, an INSERT or a statement set. */
SqlNode WeirExplainStatement() :
{
    final Span s;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    [ LOOKAHEAD(2) <PLAN> <FOR> ]
    (
        statement = WeirStatementSet()
    |
        statement = WeirInsert()
    |
        statement = SqlQueryOrDml()
    )
    { return new SqlExplainStatement(s.end(this), statement); }
}

/**
 * EXECUTE STATEMENT SET BEGIN insert; insert; ... END, or EXECUTE followed by one INSERT or query.
 */
SqlNode WeirStatementSet() :
{
    final Span s;
    final List<SqlNode> inserts = new ArrayList<SqlNode>();
    SqlNode insert;
}
{
    <EXECUTE> { s = span(); }
    (
        LOOKAHEAD(2)
        <STATEMENT> <SET> <BEGIN>
        (
            insert = WeirInsert() <SEMICOLON> { inserts.add(insert); }
        )+
        <END>
        { return new SqlStatementSet(s.end(this), inserts); }
    |
        insert = WeirInsert()
        { return insert; }
    |
        insert = SqlQueryOrDml()
        { return insert; }
    )
}

/**
 * DROP [TEMPORARY] TABLE | VIEW [IF EXISTS] name, DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name,
 * DROP CATALOG [IF EXISTS] name, DROP DATABASE [IF EXISTS] name [RESTRICT | CASCADE].
 */
SqlDrop WeirDropTableOrView(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean system = false;
    boolean ifExists = false;
    boolean cascade = false;
    final boolean view;
    final SqlIdentifier name;
}
{
    (
        <CATALOG>
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        name = SimpleIdentifier()
        { return new SqlDropCatalogOrDatabase(s.end(this), false, name, ifExists, false); }
    |
        <DATABASE>
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        name = CompoundIdentifier()
        [ <RESTRICT> | <CASCADE> { cascade = true; } ]
        { return new SqlDropCatalogOrDatabase(s.end(this), true, name, ifExists, cascade); }
    |
        [ <TEMPORARY> { temporary = true; } [ <SYSTEM> { system = true; } ] ]
        (
            <FUNCTION>
            [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
            name = CompoundIdentifier()
            { return new SqlDropFunction(s.end(this), name, temporary, system, ifExists); }
        |
            ( <TABLE> { view = false; } | <VIEW> { view = true; } )
            [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
            name = CompoundIdentifier()
            { return new SqlDropTableOrView(s.end(this), name, view, temporary, ifExists); }
        )
    )
}

/**
 * Flink's type names that Calcite does not have: STRING, BYTES, TIMESTAMP_LTZ(p), and the
 * angle-bracket forms ARRAY<t>, MULTISET<t> and ROW<name type, ...>.
 */
SqlTypeNameSpec WeirExtraTypeName() :
{
    final Span s;
    int precision = -1;
    SqlDataTypeSpec element;
    final List<SqlIdentifier> fieldNames = new ArrayList<SqlIdentifier>();
    final List<SqlDataTypeSpec> fieldTypes = new ArrayList<SqlDataTypeSpec>();
}
{
    (
        <STRING>
        { return new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, Integer.MAX_VALUE, getPos()); }
    |
        <BYTES>
        { return new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, Integer.MAX_VALUE, getPos()); }
    |
        <TIMESTAMP_LTZ> { s = span(); }
        [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
        {
            return new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision,
                s.end(this));
        }
    |
        <ARRAY> { s = span(); } <LT> element = WeirNullableDataType() <GT>
        { return new SqlCollectionTypeNameSpec(element.getTypeNameSpec(), SqlTypeName.ARRAY, s.end(this)); }
    |
        <MULTISET> { s = span(); } <LT> element = WeirNullableDataType() <GT>
        { return new SqlCollectionTypeNameSpec(element.getTypeNameSpec(), SqlTypeName.MULTISET, s.end(this)); }
    |
        <ROW> { s = span(); } <LT>
        WeirRowField(fieldNames, fieldTypes) ( <COMMA> WeirRowField(fieldNames, fieldTypes) )*
        <GT>
        { return new SqlRowTypeNameSpec(s.end(this), fieldNames, fieldTypes); }
    )
}

/** A ROW<...> field: name type [NOT NULL]; Flink's fields are nullable unless said otherwise. */
void WeirRowField(List<SqlIdentifier> fieldNames, List<SqlDataTypeSpec> fieldTypes) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
}
{
    name = SimpleIdentifier() type = WeirNullableDataType()
    { fieldNames.add(name); fieldTypes.add(type); }
}

/** A data type followed by an optional NULL or NOT NULL; nullable by default, as in Flink. */
SqlDataTypeSpec WeirNullableDataType() :
{
    final SqlDataTypeSpec type;
    final boolean nullable;
}
{
    type = DataType() nullable = NullableOptDefaultTrue()
    { return type.withNullable(nullable, getPos()); }
}

/**
 * The type of a column: any data type, or an interval type (INTERVAL DAY, INTERVAL YEAR TO MONTH),
 * which Calcite reads only inside CAST.
 */
SqlDataTypeSpec WeirColumnType() :
{
    final SqlIntervalQualifier qualifier;
    final SqlDataTypeSpec type;
}
{
    (
        <INTERVAL> qualifier = IntervalQualifier()
        {
            return new SqlDataTypeSpec(new SqlIntervalTypeNameSpec(qualifier), qualifier.getParserPosition());
        }
    |
        type = DataType() { return type; }
    )
}
