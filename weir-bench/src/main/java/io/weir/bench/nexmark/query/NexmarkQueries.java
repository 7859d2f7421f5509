package io.weir.bench.nexmark.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The implemented queries by name, in the order {@code --query all} runs them. */
public final class NexmarkQueries {
    private static final Map<String, NexmarkQuery<?>> QUERIES = new LinkedHashMap<>();

    static {
        for (NexmarkQuery<?> query : List.of(new GeneratorOnly(), new Q0(), new Q1(), new Q2(), new Q3(), new Q4(),
                new Q5(), new Q7(), new Q8(), new Q11(), new Q12())) {
            QUERIES.put(query.name(), query);
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

    /** The query called {@code name}; an error that lists the names when there is none. */
    public static NexmarkQuery<?> byName(String name) {
        NexmarkQuery<?> query = QUERIES.get(name);
        if (query == null) {
            throw new IllegalArgumentException("Unknown Nexmark query '" + name + "'. Implemented: "
                    + String.join(", ", QUERIES.keySet()) + ", or all");
        }
        return query;
    }
}
