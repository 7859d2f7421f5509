package io.weir.sql.session;

import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogBaseTable;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.catalog.WatermarkSpec;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlTableColumn;
import io.weir.sql.parser.ddl.SqlTableLike;
import io.weir.sql.planner.QueryPlanner;
import io.weir.sql.types.CalciteTypes;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelRoot;

/**
 * Turns a parsed CREATE TABLE into a {@link CatalogTable}: column types resolved, computed
 * columns typed by validating their expressions over the other columns, the WATERMARK's column
 * checked and marked as the rowtime, and a LIKE clause merged in.
 */
final class CreateTableConverter {

    private final SessionCatalogs catalogs;

    CreateTableConverter(SessionCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    CatalogTable convert(SqlCreateTable create) {
        QueryPlanner planner = new QueryPlanner(catalogs);
        List<Column> columns = new ArrayList<>();
        WatermarkSpec watermark = null;
        List<String> primaryKey = create.primaryKey() == null ? List.of() : create.primaryKey().columnNames();
        List<String> partitionKeys = create.partitionKeys();
        Map<String, String> options = new LinkedHashMap<>();
        if (create.like() != null) {
            CatalogTable source = likeSource(create.like());
            Map<SqlTableLike.Feature, SqlTableLike.Strategy> like = create.like().options();
            columns.addAll(source.schema().columns().stream().filter(c -> keeps(like, c)).toList());
            if (!excluded(like, SqlTableLike.Feature.WATERMARKS)) {
                watermark = source.schema().watermark();
            }
            if (primaryKey.isEmpty() && !excluded(like, SqlTableLike.Feature.CONSTRAINTS)) {
                primaryKey = source.schema().primaryKey();
            }
            if (partitionKeys.isEmpty() && !excluded(like, SqlTableLike.Feature.PARTITIONS)) {
                partitionKeys = source.partitionKeys();
            }
            if (!excluded(like, SqlTableLike.Feature.OPTIONS)) {
                options.putAll(source.options());
            }
        }
        for (SqlTableColumn column : create.columns()) {
            if (columns.stream().anyMatch(c -> c.name().equals(column.name().getSimple()))) {
                throw new ValidationException("Column '" + column.name().getSimple() + "' of table " + create.name()
                        + " is defined twice; rename one of them");
            }
            columns.add(convertColumn(column, columns, planner));
        }
        options.putAll(create.options());
        if (create.watermark() != null) {
            watermark = new WatermarkSpec(create.watermark().column().toString(),
                    create.watermark().expression().toString());
        }
        columns = markRowtime(columns, watermark);
        checkColumnsExist(primaryKey, columns, "PRIMARY KEY");
        checkColumnsExist(partitionKeys, columns, "PARTITIONED BY");
        return new CatalogTable(new TableSchema(columns, watermark, primaryKey), options, partitionKeys, create.comment());
    }

    Column convertColumn(SqlTableColumn column, List<Column> earlier, QueryPlanner planner) {
        String name = column.name().getSimple();
        return switch (column.kind()) {
            case PHYSICAL -> new Column(name, CalciteTypes.toLogicalType(planner.typeOf(column.type())),
                    Column.Kind.PHYSICAL, null, null, false, column.comment());
            case METADATA -> new Column(name, CalciteTypes.toLogicalType(planner.typeOf(column.type())),
                    Column.Kind.METADATA, null, column.metadataKey() == null ? name : column.metadataKey(),
                    column.isVirtual(), column.comment());
            case COMPUTED -> {
                String expression = column.expression().toString();
                LogicalType type = expressionType(expression, earlier);
                if (type.root() == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                        && expression.replace(" ", "").replace("`", "").equalsIgnoreCase("PROCTIME()")) {
                    type = type.withTimeAttribute(LogicalType.TimeAttribute.PROCTIME);
                }
                yield new Column(name, type, Column.Kind.COMPUTED, expression, null, false, column.comment());
            }
        };
    }

    /**
     * Types an expression by validating {@code SELECT expr FROM scope}, where scope is a temporary
     * table with the columns declared so far (a table, so that ROW columns' fields resolve as
     * {@code person.id}, as in Flink); the table is dropped again at once.
     */
    LogicalType expressionType(String expression, List<Column> columns) {
        ObjectIdentifier scope = catalogs.qualify(List.of("$computed_column_scope$"));
        List<Column> physical = columns.stream().map(c -> Column.physical(c.name(),
                c.type().withTimeAttribute(LogicalType.TimeAttribute.NONE))).toList();
        catalogs.createTable(scope, new CatalogTable(TableSchema.of(physical), Map.of(), List.of(), null), true, false);
        try {
            RelRoot root = new QueryPlanner(catalogs).toRel(SqlStatementParser.parse("SELECT " + expression
                    + " FROM `" + scope.objectName() + "`"));
            return CalciteTypes.toLogicalType(root.validatedRowType.getFieldList().get(0).getType());
        } finally {
            catalogs.dropTable(scope, false, true, true);
        }
    }

    static List<Column> markRowtime(List<Column> columns, WatermarkSpec watermark) {
        if (watermark == null) {
            return columns;
        }
        List<Column> marked = new ArrayList<>();
        boolean found = false;
        for (Column column : columns) {
            if (column.name().equals(watermark.rowtimeColumn())) {
                LogicalTypeRoot root = column.type().root();
                if ((root != LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE && root != LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
                        || column.type().precision() > 3) {
                    throw new ValidationException("The WATERMARK column '" + column.name() + "' is " + column.type()
                            + "; a rowtime column must be TIMESTAMP(3) or TIMESTAMP_LTZ(3) (or of lower precision)");
                }
                column = column.withType(column.type().withTimeAttribute(LogicalType.TimeAttribute.ROWTIME));
                found = true;
            }
            marked.add(column);
        }
        if (!found) {
            throw new ValidationException("The WATERMARK refers to column '" + watermark.rowtimeColumn()
                    + "', which the table does not have; its columns are " + names(columns));
        }
        return marked;
    }

    static void checkColumnsExist(List<String> keys, List<Column> columns, String clause) {
        for (String key : keys) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw new ValidationException(clause + " names column '" + key + "', which the table does not have; "
                        + "its columns are " + names(columns));
            }
        }
    }

    private CatalogTable likeSource(SqlTableLike like) {
        CatalogBaseTable source = catalogs.getTable(catalogs.qualify(like.source().names))
                .orElseThrow(() -> new ValidationException("LIKE names table " + like.source()
                        + ", which does not exist; SHOW TABLES lists the tables"));
        if (!(source instanceof CatalogTable table)) {
            throw new ValidationException("LIKE names " + like.source() + ", which is a view; LIKE needs a table");
        }
        return table;
    }

    private static boolean keeps(Map<SqlTableLike.Feature, SqlTableLike.Strategy> like, Column column) {
        return switch (column.kind()) {
            case PHYSICAL -> true;
            case COMPUTED -> !excluded(like, SqlTableLike.Feature.GENERATED);
            case METADATA -> !excluded(like, SqlTableLike.Feature.METADATA);
        };
    }

    private static boolean excluded(Map<SqlTableLike.Feature, SqlTableLike.Strategy> like, SqlTableLike.Feature feature) {
        SqlTableLike.Strategy strategy = like.get(feature);
        if (strategy == null) {
            strategy = like.getOrDefault(SqlTableLike.Feature.ALL, SqlTableLike.Strategy.INCLUDING);
        }
        return strategy == SqlTableLike.Strategy.EXCLUDING;
    }

    static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }
}
