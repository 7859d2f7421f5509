package io.weir.sql.parser;

import org.apache.calcite.sql.validate.SqlAbstractConformance;

/**
 * What the Flink dialect allows beyond strict standard SQL: {@code !=}, {@code %}, a query
 * without FROM ({@code SELECT 1}), and the other departures Flink users rely on. Everything not
 * overridden keeps Calcite's standard behaviour.
 */
public final class FlinkConformance extends SqlAbstractConformance {

    public static final FlinkConformance INSTANCE = new FlinkConformance();

    private FlinkConformance() {
    }

    @Override
    public boolean isBangEqualAllowed() {
        return true;
    }

    @Override
    public boolean isPercentRemainderAllowed() {
        return true;
    }

    @Override
    public boolean isFromRequired() {
        return false;
    }

    @Override
    public boolean isMinusAllowed() {
        return true;
    }

    @Override
    public boolean allowNiladicParentheses() {
        return true;
    }

    @Override
    public boolean isSortByOrdinal() {
        return true;
    }

    @Override
    public boolean isGroupByOrdinal() {
        return false;
    }

    @Override
    public boolean isGroupByAlias() {
        return false;
    }

    @Override
    public boolean allowQualifyingCommonColumn() {
        return true;
    }
}
