package io.weir.connector.iceberg.table;

import io.weir.sql.catalog.Column;
import io.weir.sql.connectors.TableFactory.Context;
import io.weir.sql.types.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Creates the Iceberg table of a SQL table when it does not exist: its physical columns with their
 * types, the primary key as identifier fields (its columns required), the {@code PARTITIONED BY}
 * columns as identity partitions. An existing table is left as it is (the sink checks that the
 * rows fit it).
 */
final class IcebergTableCreation {
    private final Context context;
    private final Catalog catalog;

    IcebergTableCreation(Context context, Catalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    void createIfMissing(TableIdentifier identifier, int formatVersion) {
        if (catalog.tableExists(identifier)) {
            return;
        }
        if (catalog instanceof SupportsNamespaces namespaces && !identifier.namespace().isEmpty()
                && !namespaces.namespaceExists(identifier.namespace())) {
            try {
                namespaces.createNamespace(identifier.namespace());
            } catch (AlreadyExistsException e) {
                // created by someone else meanwhile: what we wanted
            }
        }
        Schema schema = schema();
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (String column : context.table().partitionKeys()) {
            spec.identity(column);
        }
        try {
            catalog.createTable(identifier, schema, spec.build(),
                    Map.of(TableProperties.FORMAT_VERSION, Integer.toString(formatVersion)));
        } catch (AlreadyExistsException e) {
            // created meanwhile by another job: the sink checks that the rows fit it
        }
    }

    private Schema schema() {
        List<String> key = context.table().schema().primaryKey();
        List<Types.NestedField> fields = new ArrayList<>();
        Set<Integer> identifierIds = new HashSet<>();
        int id = 1;
        for (Column column : context.table().schema().physicalColumns()) {
            Type type = icebergType(column);
            boolean inKey = key.contains(column.name());
            fields.add(inKey || !column.type().isNullable() ? Types.NestedField.required(id, column.name(), type)
                    : Types.NestedField.optional(id, column.name(), type));
            if (inKey) {
                identifierIds.add(id);
            }
            id++;
        }
        return new Schema(fields, identifierIds);
    }

    private Type icebergType(Column column) {
        LogicalType type = column.type();
        return switch (type.root()) {
            case BOOLEAN -> Types.BooleanType.get();
            case TINYINT, SMALLINT, INTEGER -> Types.IntegerType.get();
            case BIGINT -> Types.LongType.get();
            case FLOAT -> Types.FloatType.get();
            case DOUBLE -> Types.DoubleType.get();
            case DECIMAL -> Types.DecimalType.of(type.precision(), type.scale());
            case CHAR, VARCHAR -> Types.StringType.get();
            case BINARY, VARBINARY -> Types.BinaryType.get();
            case DATE -> Types.DateType.get();
            case TIME_WITHOUT_TIME_ZONE -> Types.TimeType.get();
            case TIMESTAMP_WITHOUT_TIME_ZONE -> Types.TimestampType.withoutZone();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Types.TimestampType.withZone();
            default -> throw IcebergTableFactory.invalid(context, "column '" + column.name() + "' is " + type
                    + ", which the Iceberg connector cannot write yet; cast it to a scalar type (a string, a number, a "
                    + "date or a timestamp)");
        };
    }
}
