package io.weir.sql.planner;

import io.weir.sql.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.HintPredicates;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.schema.Table;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.rel.hint.RelHint;

/**
 * Flink's dynamic table options: {@code FROM t /*+ OPTIONS('k' = 'v') *}{@code /} overrides the
 * table's WITH options for that one reference in that one statement (Flink's
 * {@code table.dynamic-table-options.enabled}, on by default). The options are checked against the
 * connector's like the WITH options.
 */
public final class TableHints {

    /** The hints Weir's SQL-to-plan conversion keeps: OPTIONS on table scans. */
    static final HintStrategyTable STRATEGIES = HintStrategyTable.builder()
            .hintStrategy("OPTIONS", HintPredicates.TABLE_SCAN)
            .build();

    private TableHints() {
    }

    /**
     * Gives every scan with OPTIONS hints a table name that shows them. A plan's digest does not
     * include hints, so without this the optimizer would merge {@code t} and
     * {@code t /*+ OPTIONS(...) *}{@code /} of one statement into one scan.
     */
    static RelRoot distinguishHintedScans(RelRoot root) {
        RelNode rel = root.rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(TableScan scan) {
                if (!(scan instanceof LogicalTableScan) || scan.getHints().stream()
                        .noneMatch(h -> h.hintName.equalsIgnoreCase("OPTIONS") && !h.kvOptions.isEmpty())) {
                    return scan;
                }
                List<String> names = new ArrayList<>(scan.getTable().getQualifiedName());
                int last = names.size() - 1;
                names.set(last, names.get(last) + " /*+ " + scan.getHints() + " */");
                RelOptTableImpl table = RelOptTableImpl.create(scan.getTable().getRelOptSchema(), scan.getRowType(),
                        names, scan.getTable().unwrap(Table.class), (org.apache.calcite.linq4j.tree.Expression) null);
                return LogicalTableScan.create(scan.getCluster(), table, scan.getHints());
            }
        });
        return rel == root.rel ? root : root.withRel(rel);
    }

    /** The table with its OPTIONS hints applied; the table itself when it has none. */
    public static CatalogTable withOptions(CatalogTable table, List<RelHint> hints) {
        Map<String, String> options = null;
        for (RelHint hint : hints) {
            if (hint.hintName.equalsIgnoreCase("OPTIONS") && !hint.kvOptions.isEmpty()) {
                if (options == null) {
                    options = new LinkedHashMap<>(table.options());
                }
                options.putAll(hint.kvOptions);
            }
        }
        return options == null ? table : new CatalogTable(table.schema(), options, table.partitionKeys(), table.comment());
    }
}
