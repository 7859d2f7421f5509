package io.weir.sql.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.transformations.Transformation;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.core.TableModify;
import org.junit.jupiter.api.Test;

/**
 * The uids {@link OperatorUids} gives a SQL job's operators, without running it: stateless changes
 * keep every uid, a change to a stateful part changes that part's uid (and those above it) only.
 * {@code QueryUpgradeRestoreTest} restores real savepoints with them.
 */
class OperatorUidsTest {

    private final SessionCatalogs catalogs = new SessionCatalogs();

    OperatorUidsTest() {
        table("orders", Map.of("connector", "values"), "k", "v", "w");
        table("customers", Map.of("connector", "values"), "k", "c");
        table("out2", Map.of("connector", "blackhole"), "k", "x");
        table("out3", Map.of("connector", "blackhole"), "k", "x", "y");
    }

    @Test
    void filtersAndProjectionsKeepAnAggregatesUid() {
        Set<String> old = uids("INSERT INTO out2 SELECT k, SUM(v) FROM orders GROUP BY k");
        assertEquals(old, uids("INSERT INTO out2 SELECT k, SUM(v) FROM orders WHERE w > 3 GROUP BY k"));
        assertEquals(old, uids("INSERT INTO out2 SELECT k, SUM(v) FROM orders GROUP BY k HAVING SUM(v) > 1"));
        Set<String> widened = uids("INSERT INTO out3 SELECT k, SUM(v), SUM(v) * 2 FROM orders GROUP BY k");
        assertEquals(without(old, "Sink["), without(widened, "Sink["));
        assertTrue(old.stream().anyMatch(uid -> uid.startsWith("sql:GroupAggregate[k; SUM(v)]:")), old.toString());
    }

    @Test
    void aChangedAggregateGetsANewUidAndTheSourceKeepsItsOwn() {
        Set<String> old = uids("INSERT INTO out2 SELECT k, SUM(v) FROM orders GROUP BY k");
        Set<String> changed = uids("INSERT INTO out2 SELECT k, MAX(v) FROM orders GROUP BY k");
        assertEquals(with(old, "sql:Source["), with(changed, "sql:Source["));
        assertFalse(with(old, "sql:Source[").isEmpty());
        assertNotEquals(with(old, "GroupAggregate"), with(changed, "GroupAggregate"));
        Set<String> regrouped = uids("INSERT INTO out2 SELECT w, SUM(v) FROM orders GROUP BY w");
        assertNotEquals(with(old, "GroupAggregate"), with(regrouped, "GroupAggregate"));
    }

    @Test
    void aJoinKeepsItsUidUnlessItsInputsColumnsChange() {
        String join = "INSERT INTO out2 SELECT o.k, %s FROM orders o JOIN customers c ON o.k = c.k";
        Set<String> old = uids(join.formatted("o.v"));
        // A sum of both sides' columns is computed above the join.
        assertEquals(old, uids(join.formatted("o.v + c.k")));
        assertTrue(old.stream().anyMatch(uid -> uid.startsWith("sql:Join:")), old.toString());
        // The join's state holds its input rows: a customer column now taken along changes them, and so
        // does an expression over one side's columns, which the planner computes below the join.
        for (String changed : List.of("o.v + c.c", "o.v * 2 + 1", "o.v * 2 + c.k")) {
            Set<String> uids = uids(join.formatted(changed));
            assertNotEquals(with(old, "sql:Join:"), with(uids, "sql:Join:"), changed);
            assertEquals(with(old, "sql:Source["), with(uids, "sql:Source["), changed);
        }
    }

    @Test
    void equalPartsOfAStatementSetGetDistinctUids() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new io.weir.api.configuration.Configuration());
        StreamPlanTranslator translator = translator(env);
        translate(translator, "INSERT INTO out2 SELECT k, SUM(v) FROM orders GROUP BY k");
        translate(translator, "INSERT INTO out2 SELECT k, SUM(v) FROM orders GROUP BY k");
        List<String> all = new ArrayList<>();
        walk(env).forEach(t -> {
            if (t.getUid() != null) {
                all.add(t.getUid());
            }
        });
        assertEquals(new HashSet<>(all).size(), all.size(), all.toString());
        assertTrue(all.stream().anyMatch(uid -> uid.endsWith("@2")), all.toString());
    }

    private StreamPlanTranslator translator(StreamExecutionEnvironment env) {
        return new StreamPlanTranslator(env, new QueryPlanner(catalogs, ZoneId.of("UTC")), Duration.ZERO);
    }

    private void translate(StreamPlanTranslator translator, String insert) {
        QueryPlanner planner = new QueryPlanner(catalogs, ZoneId.of("UTC"));
        translator.translateInsert((TableModify) StreamPlanTranslator.optimize(
                planner.toRel(SqlStatementParser.parse(insert)).project()));
    }

    /** The uids of the operators of the INSERT's job. */
    private Set<String> uids(String insert) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new io.weir.api.configuration.Configuration());
        translate(translator(env), insert);
        Set<String> uids = new TreeSet<>();
        for (Transformation<?> t : walk(env)) {
            if (t.getUid() != null) {
                uids.add(t.getUid());
            }
        }
        return uids;
    }

    private static List<Transformation<?>> walk(StreamExecutionEnvironment env) {
        List<Transformation<?>> all = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Deque<Transformation<?>> pending = new ArrayDeque<>(env.createPipeline("uids").sinks());
        while (!pending.isEmpty()) {
            Transformation<?> t = pending.pop();
            if (seen.add(t.getId())) {
                all.add(t);
                t.getInputs().forEach(pending::push);
            }
        }
        return all;
    }

    private static Set<String> with(Set<String> uids, String part) {
        Set<String> matching = new TreeSet<>(uids);
        matching.removeIf(uid -> !uid.contains(part));
        return matching;
    }

    private static Set<String> without(Set<String> uids, String part) {
        Set<String> matching = new TreeSet<>(uids);
        matching.removeIf(uid -> uid.contains(part));
        return matching;
    }

    private void table(String name, Map<String, String> options, String... columns) {
        List<Column> schema = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            schema.add(Column.physical(columns[i],
                    LogicalType.of(i == 0 ? LogicalTypeRoot.INTEGER : LogicalTypeRoot.BIGINT)));
        }
        catalogs.createTable(new ObjectIdentifier(SessionCatalogs.DEFAULT_CATALOG, SessionCatalogs.DEFAULT_DATABASE, name),
                new CatalogTable(TableSchema.of(schema), options, List.of(), null), true, false);
    }
}
