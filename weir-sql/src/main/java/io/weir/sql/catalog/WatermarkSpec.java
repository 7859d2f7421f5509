package io.weir.sql.catalog;

/**
 * {@code WATERMARK FOR rowtimeColumn AS expression}: the table's event time is rowtimeColumn and
 * its watermark at each row is the expression (in SQL text, as written).
 */
public record WatermarkSpec(String rowtimeColumn, String expression) {
}
