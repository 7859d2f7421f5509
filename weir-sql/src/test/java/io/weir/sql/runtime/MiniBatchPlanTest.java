package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.transformations.Transformation;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.session.SqlSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which operators a group aggregate becomes under the mini-batch, agg-phase and split-distinct options (the golden
 * files check that the results stay the same).
 */
@Timeout(60)
class MiniBatchPlanTest {

    private static final String APPEND_ONLY = "SELECT k, COUNT(*), MAX(v) FROM t GROUP BY k";
    private static final String OVER_UPDATES = "SELECT c, COUNT(*) FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c";
    private static final String DOUBLE_SUM = "SELECT k, SUM(CAST(v AS DOUBLE)) FROM t GROUP BY k";

    /** The operator names of the query's job, from the source to the end, aggregates only. */
    private static List<String> aggregates(String query, String... options) {
        SqlSession session = SqlSession.create(StreamExecutionEnvironment.getExecutionEnvironment(),
                EnvironmentSettings.inStreamingMode());
        for (int i = 0; i < options.length; i += 2) {
            session.getConfig().set(options[i], options[i + 1]);
        }
        session.executeSql("CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2)");
        List<String> names = new ArrayList<>();
        collect(session.toChangelogStream(session.sqlQuery(query)).getTransformation(), names);
        return names.stream().filter(name -> name.contains("Aggregate")).toList();
    }

    private static void collect(Transformation<?> transformation, List<String> names) {
        for (Transformation<?> input : transformation.getInputs()) {
            collect(input, names);
        }
        names.add(transformation.getName());
    }

    private static String[] miniBatch(String... more) {
        List<String> options = new ArrayList<>(List.of("table.exec.mini-batch.enabled", "true",
                "table.exec.mini-batch.allow-latency", "1 s", "table.exec.mini-batch.size", "100"));
        options.addAll(List.of(more));
        return options.toArray(String[]::new);
    }

    @Test
    void oneOperatorWithoutMiniBatch() {
        assertEquals(List.of("GroupAggregate"), aggregates(APPEND_ONLY));
    }

    @Test
    void twoPhasesWithMiniBatchWhenTheCallsMerge() {
        assertEquals(List.of("LocalGroupAggregate", "GlobalGroupAggregate"), aggregates(APPEND_ONLY, miniBatch()));
        assertEquals(List.of("LocalGroupAggregate", "GlobalGroupAggregate"),
                aggregates(APPEND_ONLY, miniBatch("table.optimizer.agg-phase-strategy", "TWO_PHASE")));
    }

    @Test
    void onePhaseMiniBatchWhenAskedOrWhenTwoPhasesDoNotApply() {
        assertEquals(List.of("MiniBatchGroupAggregate"),
                aggregates(APPEND_ONLY, miniBatch("table.optimizer.agg-phase-strategy", "ONE_PHASE")));
        assertEquals(List.of("MiniBatchGroupAggregate"), aggregates(DOUBLE_SUM, miniBatch()));
        // Over input with updates too: the outer aggregate of an aggregate runs in two phases as well.
        assertEquals(List.of("LocalGroupAggregate", "GlobalGroupAggregate", "LocalGroupAggregate", "GlobalGroupAggregate"),
                aggregates(OVER_UPDATES, miniBatch()));
    }

    @Test
    void splitDistinctRunsPerBucketThenPerGroup() {
        String query = "SELECT k, COUNT(DISTINCT v), COUNT(*), MAX(v) FROM t GROUP BY k";
        String[] split = {"table.optimizer.distinct-agg.split.enabled", "true"};
        assertEquals(List.of("DistinctPartialAggregate", "DistinctFinalAggregate"), aggregates(query, split));
        assertEquals(List.of("GroupAggregate"), aggregates(query));
        // FILTER and AVG are split too; a user aggregate is not: one aggregate
        assertEquals(List.of("DistinctPartialAggregate", "DistinctFinalAggregate"), aggregates(
                "SELECT k, COUNT(DISTINCT v) FILTER (WHERE v > 1) FROM t GROUP BY k", split));
        assertEquals(List.of("DistinctPartialAggregate", "DistinctFinalAggregate"),
                aggregates("SELECT k, COUNT(DISTINCT v), AVG(v) FROM t GROUP BY k", split));
    }
}
