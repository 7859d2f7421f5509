package io.weir.sql.types;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's limits on SQL types, given to Calcite: strings and byte strings up to
 * {@link Integer#MAX_VALUE} (STRING and BYTES), timestamps up to nanoseconds, and TIMESTAMP without a precision meaning TIMESTAMP(6).
 */
public final class FlinkTypeSystem extends RelDataTypeSystemImpl {

    public static final FlinkTypeSystem INSTANCE = new FlinkTypeSystem();

    private FlinkTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_WITH_LOCAL_TIME_ZONE -> 9;
            case DECIMAL -> 38;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> 0;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true; // CASE WHEN .. THEN 'a' ELSE 'bc' END is VARCHAR(2), as in Flink, not CHAR(2)
    }
}
