package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.sql.api.SqlParserException;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlCreateView;
import io.weir.sql.parser.ddl.SqlDescribeStatement;
import io.weir.sql.parser.ddl.SqlDropTableOrView;
import io.weir.sql.parser.ddl.SqlResetStatement;
import io.weir.sql.parser.ddl.SqlSetStatement;
import io.weir.sql.parser.ddl.SqlShowStatement;
import io.weir.sql.parser.ddl.SqlTableColumn;
import io.weir.sql.parser.ddl.SqlTableLike;
import io.weir.sql.parser.ddl.SqlUseStatement;
import io.weir.sql.parser.dml.SqlExplainStatement;
import io.weir.sql.parser.dml.SqlStatementSet;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class SqlStatementParserTest {

    private static <T extends SqlNode> T parse(String sql, Class<T> type) {
        return assertInstanceOf(type, SqlStatementParser.parse(sql));
    }

    @Test
    void createTableWithEveryKindOfColumnWatermarkKeyPartitionsAndOptions() {
        SqlCreateTable table = parse("""
                CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.orders (
                  id BIGINT NOT NULL,
                  `user` STRING COMMENT 'who',
                  price DECIMAL(10, 2),
                  amount AS price * 2,
                  ts TIMESTAMP(3),
                  ingest TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
                  part INT METADATA,
                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
                  PRIMARY KEY (id) NOT ENFORCED
                ) COMMENT 'orders table'
                PARTITIONED BY (part)
                WITH ('connector' = 'datagen', 'rows-per-second' = '10')
                """, SqlCreateTable.class);
        assertEquals("cat.db.orders", table.name().toString());
        assertTrue(table.isTemporary());
        assertTrue(table.ifNotExists());
        List<SqlTableColumn> columns = table.columns();
        assertEquals(7, columns.size());
        assertEquals(SqlTableColumn.Kind.PHYSICAL, columns.get(0).kind());
        assertFalse(columns.get(0).type().getNullable());
        assertEquals("who", columns.get(1).comment());
        assertEquals("user", columns.get(1).name().getSimple());
        assertEquals(SqlTableColumn.Kind.COMPUTED, columns.get(3).kind());
        assertEquals("`price` * 2", columns.get(3).expression().toString());
        assertEquals(SqlTableColumn.Kind.METADATA, columns.get(5).kind());
        assertEquals("timestamp", columns.get(5).metadataKey());
        assertTrue(columns.get(5).isVirtual());
        assertNull(columns.get(6).metadataKey());
        assertFalse(columns.get(6).isVirtual());
        assertEquals("ts", table.watermark().column().toString());
        assertEquals("`ts` - INTERVAL '5' SECOND", table.watermark().expression().toString());
        assertEquals(List.of("id"), table.primaryKey().columnNames());
        assertEquals("orders table", table.comment());
        assertEquals(List.of("part"), table.partitionKeys());
        assertEquals(Map.of("connector", "datagen", "rows-per-second", "10"), table.options());
    }

    @Test
    void flinkTypeNamesParse() {
        SqlCreateTable table = parse("""
                CREATE TABLE t (a STRING, b BYTES, c TIMESTAMP_LTZ(3), d ARRAY<INT>, e MAP<STRING, BIGINT>,
                  f ROW<x INT, y STRING NOT NULL>, g MULTISET<STRING>, h INT ARRAY, i TINYINT, j SMALLINT,
                  k FLOAT, l DOUBLE, m CHAR(3), n VARCHAR(20), o BINARY(2), p VARBINARY(4), q DATE, r TIME,
                  s TIMESTAMP, u INTERVAL DAY, v BOOLEAN, w ROW(z INT))
                """, SqlCreateTable.class);
        SqlBasicTypeNameSpec string = (SqlBasicTypeNameSpec) table.columns().get(0).type().getTypeNameSpec();
        assertEquals(SqlTypeName.VARCHAR, SqlTypeName.get(string.getTypeName().getSimple()));
        assertEquals(Integer.MAX_VALUE, string.getPrecision());
        SqlBasicTypeNameSpec ltz = (SqlBasicTypeNameSpec) table.columns().get(2).type().getTypeNameSpec();
        assertEquals(3, ltz.getPrecision());
        assertEquals(22, table.columns().size());
    }

    @Test
    void primaryKeyOnAColumnAndNamedConstraint() {
        SqlCreateTable inline = parse("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, v STRING)", SqlCreateTable.class);
        assertEquals(List.of("id"), inline.primaryKey().columnNames());
        SqlCreateTable named = parse("CREATE TABLE t (a INT, b INT, CONSTRAINT pk PRIMARY KEY (a, b) NOT ENFORCED)",
                SqlCreateTable.class);
        assertEquals("pk", named.primaryKey().constraintName());
        assertEquals(List.of("a", "b"), named.primaryKey().columnNames());
    }

    @Test
    void createTableLikeWithOptions() {
        SqlCreateTable table = parse("""
                CREATE TABLE copy (extra INT) WITH ('connector' = 'blackhole')
                LIKE base (EXCLUDING OPTIONS, INCLUDING ALL, OVERWRITING WATERMARKS)
                """, SqlCreateTable.class);
        assertEquals("base", table.like().source().toString());
        assertEquals(Map.of(SqlTableLike.Feature.OPTIONS, SqlTableLike.Strategy.EXCLUDING,
                SqlTableLike.Feature.ALL, SqlTableLike.Strategy.INCLUDING,
                SqlTableLike.Feature.WATERMARKS, SqlTableLike.Strategy.OVERWRITING), table.like().options());
        SqlParserException e = assertThrows(SqlParserException.class,
                () -> SqlStatementParser.parse("CREATE TABLE c LIKE b (OVERWRITING PARTITIONS)"));
        assertTrue(e.getMessage().contains("OVERWRITING cannot be used with PARTITIONS"), e.getMessage());
    }

    @Test
    void createViewsAndDrops() {
        SqlCreateView view = parse("CREATE TEMPORARY VIEW IF NOT EXISTS v (a, b) COMMENT 'c' AS SELECT x, y FROM t",
                SqlCreateView.class);
        assertTrue(view.isTemporary());
        assertTrue(view.ifNotExists());
        assertEquals(List.of("a", "b"), view.columnNames());
        assertInstanceOf(SqlSelect.class, view.query());
        assertFalse(parse("CREATE VIEW v AS SELECT 1", SqlCreateView.class).isTemporary());

        SqlDropTableOrView dropTable = parse("DROP TABLE IF EXISTS db.t", SqlDropTableOrView.class);
        assertFalse(dropTable.isView());
        assertTrue(dropTable.ifExists());
        SqlDropTableOrView dropView = parse("DROP TEMPORARY VIEW v", SqlDropTableOrView.class);
        assertTrue(dropView.isView());
        assertTrue(dropView.isTemporary());
        assertFalse(dropView.ifExists());
    }

    @Test
    void setAndReset() {
        SqlSetStatement set = parse("SET 'table.exec.state.ttl' = '1 h'", SqlSetStatement.class);
        assertEquals("table.exec.state.ttl", set.key());
        assertEquals("1 h", set.value());
        assertNull(parse("SET", SqlSetStatement.class).key());
        assertEquals("parallelism.default", parse("RESET 'parallelism.default'", SqlResetStatement.class).key());
        assertNull(parse("RESET", SqlResetStatement.class).key());
    }

    @Test
    void showDescribeUse() {
        for (SqlShowStatement.Listing listing : SqlShowStatement.Listing.values()) {
            assertEquals(listing, parse("SHOW " + listing.words(), SqlShowStatement.class).listing());
        }
        SqlDescribeStatement describe = parse("DESCRIBE EXTENDED db.t", SqlDescribeStatement.class);
        assertTrue(describe.isExtended());
        assertEquals("db.t", describe.name().toString());
        assertFalse(parse("DESC t", SqlDescribeStatement.class).isExtended());
        assertEquals("extended", parse("DESCRIBE extended", SqlDescribeStatement.class).name().toString());
        SqlUseStatement useCatalog = parse("USE CATALOG mycat", SqlUseStatement.class);
        assertTrue(useCatalog.isCatalog());
        SqlUseStatement useDatabase = parse("USE mycat.mydb", SqlUseStatement.class);
        assertFalse(useDatabase.isCatalog());
        assertEquals(List.of("mycat", "mydb"), useDatabase.name().names);
    }

    @Test
    void explainInsertAndStatementSet() {
        assertInstanceOf(SqlSelect.class, parse("EXPLAIN SELECT 1", SqlExplainStatement.class).statement());
        assertInstanceOf(SqlInsert.class,
                parse("EXPLAIN PLAN FOR INSERT INTO s SELECT * FROM t", SqlExplainStatement.class).statement());
        SqlInsert insert = parse("INSERT INTO db.sink SELECT a, b FROM src WHERE a > 1", SqlInsert.class);
        assertEquals("db.sink", insert.getTargetTable().toString());
        SqlStatementSet set = parse("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO s1 SELECT * FROM t;
                  INSERT INTO s2 SELECT * FROM t;
                END""", SqlStatementSet.class);
        assertEquals(2, set.inserts().size());
        assertInstanceOf(SqlStatementSet.class, parse("EXPLAIN EXECUTE STATEMENT SET BEGIN INSERT INTO s SELECT 1; END",
                SqlExplainStatement.class).statement());
    }

    @Test
    void flinksNonReservedWordsAreNames() {
        SqlNode query = SqlStatementParser.parse("""
                SELECT dateTime, watermark, tables, comment, metadata, `value`, `timestamp`
                FROM bid ORDER BY dateTime""");
        assertEquals(SqlKind.ORDER_BY, query.getKind());
        SqlSelect select = parse("SELECT dateTime FROM bid", SqlSelect.class);
        assertEquals("dateTime", select.getSelectList().get(0).toString().replace("`", ""));
        SqlCreateTable table = parse("CREATE TABLE bid (dateTime TIMESTAMP(3), WATERMARK FOR dateTime AS dateTime)",
                SqlCreateTable.class);
        assertEquals("dateTime", table.watermark().column().toString());
        parse("SELECT * FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))", SqlNode.class);
    }

    @Test
    void queriesValuesAndHints() {
        parse("SELECT a, CASE WHEN b > 1 THEN 'x' ELSE 'y' END, CAST(c AS STRING) FROM t /*+ OPTIONS('k'='v') */",
                SqlSelect.class);
        assertEquals(SqlKind.VALUES, SqlStatementParser.parse("VALUES (1, 'a'), (2, 'b')").getKind());
        parse("SELECT a FROM t WHERE a != 3 AND b % 2 = 0", SqlSelect.class);
    }
}
