package io.weir.bench.nexmark.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The implemented queries by name, in the order {@code --query all} runs them. */
public final class NexmarkQueries {
    private static final Map<String, NexmarkQuery<?>> QUERIES = new LinkedHashMap<>();
    private static final Map<String, NexmarkQuery<?>> SQL_ONLY = new LinkedHashMap<>();

    static {
        for (NexmarkQuery<?> query : List.of(new GeneratorOnly(), new Q0(), new Q1(), new Q2(), new Q3(), new Q4(),
                new Q5(), new Q7(), new Q8(), new Q11(), new Q12())) {
            QUERIES.put(query.name(), query);
        }
        for (SqlOnlyQuery query : List.of(
                new SqlOnlyQuery("q9", "winning bid of each auction (ROW_NUMBER over auction join bid)"),
                new SqlOnlyQuery("q10", "bids with day and minute columns (DATE_FORMAT)"),
                new SqlOnlyQuery("q14", "bids converted with HOUR, CASE, a filter and a character count"),
                new SqlOnlyQuery("q15", "bid statistics per day (COUNT DISTINCT with FILTER)"),
                new SqlOnlyQuery("q16", "bid statistics per channel and day (COUNT DISTINCT with FILTER)"),
                new SqlOnlyQuery("q17", "bid statistics per auction and day"),
                new SqlOnlyQuery("q18", "last bid of each bidder on each auction (deduplication)"),
                new SqlOnlyQuery("q19", "the 10 highest bids of each auction (Top-N)"),
                new SqlOnlyQuery("q20", "bids joined with their auction of category 10"),
                new SqlOnlyQuery("q21", "channel id from channel or url (CASE, REGEXP_EXTRACT)"),
                new SqlOnlyQuery("q22", "url directories (SPLIT_INDEX)"))) {
            SQL_ONLY.put(query.name(), query);
        }
    }

    private NexmarkQueries() {
    }

    /** All implemented queries, generator-only first. */
    public static List<NexmarkQuery<?>> all() {
        return List.copyOf(QUERIES.values());
    }

    public static List<String> names() {
        return List.copyOf(QUERIES.keySet());
    }

    /** The queries that have only a SQL file (q9, q10, q14 ... q22), no DataStream job. */
    public static List<NexmarkQuery<?>> sqlOnly() {
        return List.copyOf(SQL_ONLY.values());
    }

    /** Whether {@code query} has only a SQL file, no DataStream job. */
    public static boolean isSqlOnly(NexmarkQuery<?> query) {
        return query instanceof SqlOnlyQuery;
    }

    /**
     * The query called {@code name}, a DataStream query or one that has only a SQL file; an error
     * that lists the names when there is none.
     */
    public static NexmarkQuery<?> byName(String name) {
        NexmarkQuery<?> query = QUERIES.containsKey(name) ? QUERIES.get(name) : SQL_ONLY.get(name);
        if (query == null) {
            throw new IllegalArgumentException("Unknown Nexmark query '" + name + "'. Implemented: "
                    + String.join(", ", QUERIES.keySet()) + ", as SQL only: " + String.join(", ", SQL_ONLY.keySet())
                    + ", or all");
        }
        return query;
    }
}
