package io.weir.sql.planner;

import io.weir.sql.catalog.CatalogView;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.types.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog view as Calcite sees it: when a query reads it, the view's query is planned in its
 * place, resolving names against the catalog and database that were current when the view was
 * created.
 */
final class StoredViewTable extends AbstractTable implements TranslatableTable, TemporalTable {

    private final ObjectIdentifier identifier;
    private final CatalogView view;

    StoredViewTable(ObjectIdentifier identifier, CatalogView view) {
        this.identifier = identifier;
        this.view = view;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        List<RelDataType> types = new ArrayList<>();
        view.schema().columns().forEach(c -> types.add(CalciteTypes.toRelDataType(c.type(), typeFactory)));
        return typeFactory.createStructType(types, view.schema().columnNames());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        List<String> viewPath = List.of(identifier.catalogName(), identifier.databaseName(), identifier.objectName());
        return context.expandView(relOptTable.getRowType(), view.expandedQuery(), view.resolutionPath(), viewPath).rel;
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
