package io.weir.sql.types;

/** The kinds of SQL types Flink's type system has, without their parameters. */
public enum LogicalTypeRoot {
    BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL,
    CHAR, VARCHAR, BINARY, VARBINARY,
    DATE, TIME_WITHOUT_TIME_ZONE, TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE,
    INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME,
    ARRAY, MULTISET, MAP, ROW,
    NULL
}
