package io.weir.sql.planner;

import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.types.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite's validator sees it: its columns and their types. The physical
 * translator finds the table's connector options through {@link #catalogTable()}.
 */
public final class SourceTable extends AbstractTable implements TemporalTable {

    private final ObjectIdentifier identifier;
    private final CatalogTable catalogTable;

    public SourceTable(ObjectIdentifier identifier, CatalogTable catalogTable) {
        this.identifier = identifier;
        this.catalogTable = catalogTable;
    }

    public ObjectIdentifier identifier() {
        return identifier;
    }

    public CatalogTable catalogTable() {
        return catalogTable;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column column : catalogTable.schema().columns()) {
            names.add(column.name());
            types.add(CalciteTypes.toRelDataType(column.type(), typeFactory));
        }
        return typeFactory.createStructType(types, names);
    }

    /**
     * What Calcite fills into the columns an INSERT's column list leaves out: computed and virtual
     * metadata columns, which are never written (the sink drops them), get a NULL even when NOT NULL.
     */
    @Override
    public <C> C unwrap(Class<C> aClass) {
        if (aClass == InitializerExpressionFactory.class) {
            return aClass.cast(new UnwrittenColumns());
        }
        return super.unwrap(aClass);
    }

    private final class UnwrittenColumns extends NullInitializerExpressionFactory {
        @Override
        public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
            return catalogTable.schema().columns().get(iColumn).isPersisted()
                    ? super.generationStrategy(table, iColumn) : ColumnStrategy.DEFAULT;
        }

        @Override
        public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
            RelDataType type = table.getRowType().getFieldList().get(iColumn).getType();
            RexBuilder rex = context.getRexBuilder();
            return rex.makeAbstractCast(type, rex.makeNullLiteral(type), false);
        }
    }

    /**
     * Every table may be named in {@code FOR SYSTEM_TIME AS OF}: whether it can be joined that way
     * (a versioned table, or a connector that looks rows up) is the planner's check, which says what to change.
     */
    @Override
    public String getSysStartFieldName() {
        return "";
    }

    @Override
    public String getSysEndFieldName() {
        return "";
    }
}
