package io.weir.sql.runtime.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.Collector;
import io.weir.api.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The local Top-N drops only rows that cannot be in the global Top-N: ranking what three local
 * filters forward gives the same numbered rows as ranking every row, for each rank kind, with many
 * ties, in the same interleaving of the three subtasks' rows.
 */
class LocalRankFilterTest {

    private static final RowOrder PRICE_DESC = new RowOrder(new int[] {1}, new boolean[] {true}, new boolean[] {false});

    @Test
    void forwardsEveryRowTheGlobalTopNNeeds() {
        for (RankKind kind : RankKind.values()) {
            for (long limit : new long[] {1, 3, 10}) {
                for (int seed = 0; seed < 20; seed++) {
                    check(kind, limit, new Random(seed));
                }
            }
        }
    }

    @Test
    void dropsRowsBeyondTheFirstN() {
        LocalRankFilter filter = new LocalRankFilter(PRICE_DESC, RankKind.ROW_NUMBER, 2);
        List<Row> forwarded = new ArrayList<>();
        for (int price : new int[] {5, 7, 3, 7, 9, 1, 8}) {
            filter.flatMap(Row.of("x", price), collector(forwarded));
        }
        // 5, 7 fill the first two; 3 is beyond; the second 7 ties with and so comes after the first
        // 7 and 5 drops out; 9 enters; 1 is beyond; 8 enters.
        assertEquals(List.of(Row.of("x", 5), Row.of("x", 7), Row.of("x", 7), Row.of("x", 9), Row.of("x", 8)),
                forwarded);
    }

    private static void check(RankKind kind, long limit, Random random) {
        LocalRankFilter[] filters = new LocalRankFilter[3];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = new LocalRankFilter(PRICE_DESC, kind, limit);
        }
        List<Row> all = new ArrayList<>();
        List<Row> forwarded = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Row row = Row.of("r" + i, random.nextInt(40));
            all.add(row);
            filters[random.nextInt(filters.length)].flatMap(row, collector(forwarded));
        }
        assertEquals(ranked(all, kind, limit), ranked(forwarded, kind, limit), kind + " limit " + limit);
        assertTrue(forwarded.size() < all.size(), "the local Top-N forwarded every row");
    }

    /** The global Top-N's numbered rows of {@code rows} arriving in this order. */
    private static List<Row> ranked(List<Row> rows, RankKind kind, long limit) {
        List<Row> sorted = new ArrayList<>();
        for (Row row : rows) {
            sorted.add(RankedRows.insertionPoint(sorted, row, PRICE_DESC), row);
        }
        return RankedRows.numbered(sorted, PRICE_DESC, kind, limit);
    }

    private static Collector<Row> collector(List<Row> into) {
        return new Collector<>() {
            @Override
            public void collect(Row record) {
                into.add(record);
            }

            @Override
            public void close() {
            }
        };
    }
}
