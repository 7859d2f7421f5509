package io.weir.sql.runtime.agg;

import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.runtime.JsonSqlFunctions;
import io.weir.sql.runtime.SqlFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's collecting aggregates, ARRAY_AGG, LISTAGG, JSON_ARRAYAGG and JSON_OBJECTAGG: one accumulator
 * field holds the list of the rows' argument values (a row of them per input row, NULLs included), from
 * which the result is built. A retraction removes one equal entry, so all four take back rows on updating
 * input, as Flink's do; merging appends another accumulator's entries (windows). The value passed in is
 * the list of the call's arguments (see {@link BoundAggregate#ofArguments}).
 */
public final class CollectingAggregateSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    /** Which aggregate, and how it treats NULL values. */
    public enum Kind {
        /** ARRAY_AGG(x): NULLs kept (RESPECT NULLS, Flink's default). */
        ARRAY_AGG,
        /** ARRAY_AGG(x IGNORE NULLS). */
        ARRAY_AGG_IGNORE_NULLS,
        /** LISTAGG(s[, separator]): NULLs skipped; ',' by default. */
        LISTAGG,
        /** JSON_ARRAYAGG(x ABSENT ON NULL), the default. */
        JSON_ARRAYAGG_ABSENT_ON_NULL,
        /** JSON_ARRAYAGG(x NULL ON NULL). */
        JSON_ARRAYAGG_NULL_ON_NULL,
        /** JSON_OBJECTAGG(KEY k VALUE v NULL ON NULL), the default. */
        JSON_OBJECTAGG_NULL_ON_NULL,
        /** JSON_OBJECTAGG(KEY k VALUE v ABSENT ON NULL). */
        JSON_OBJECTAGG_ABSENT_ON_NULL,
        /** SINGLE_VALUE(x), the value of a scalar sub-query: more than one row fails the job. */
        SINGLE_VALUE
    }

    private final Kind kind;
    private final RowTypeInfo entryType;
    /** LISTAGG's separator when the plan gives it as a constant rather than an argument; null otherwise. */
    private final String separator;

    /** @param argumentTypes the types of the call's arguments, in order */
    public CollectingAggregateSlot(Kind kind, List<TypeInformation<?>> argumentTypes, String separator) {
        this.kind = kind;
        this.separator = separator;
        this.entryType = new RowTypeInfo(argumentTypes.toArray(TypeInformation<?>[]::new));
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(new ListTypeInfo<>(entryType));
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, new ArrayList<Row>());
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        entries(acc, offset).add(Row.of(((List<?>) value).toArray()));
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        Row entry = Row.of(((List<?>) value).toArray());
        List<Row> entries = entries(acc, offset);
        for (int i = 0; i < entries.size(); i++) {
            if (sameValues(entries.get(i), entry)) {
                entries.remove(i);
                return;
            }
        }
    }

    private static boolean sameValues(Row a, Row b) {
        if (a.getArity() != b.getArity()) {
            return false;
        }
        for (int i = 0; i < a.getArity(); i++) {
            if (!java.util.Objects.deepEquals(a.getField(i), b.getField(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        entries(acc, offset).addAll(entries(other, offset));
    }

    @SuppressWarnings("unchecked")
    private static List<Row> entries(Row acc, int offset) {
        return (List<Row>) acc.getField(offset);
    }

    @Override
    public Object result(Row acc, int offset) {
        List<Row> entries = entries(acc, offset);
        return switch (kind) {
            case ARRAY_AGG, ARRAY_AGG_IGNORE_NULLS -> {
                List<Object> values = new ArrayList<>();
                for (Row entry : entries) {
                    if (entry.getField(0) != null || kind == Kind.ARRAY_AGG) {
                        values.add(entry.getField(0));
                    }
                }
                yield values.isEmpty() ? null : values;
            }
            case SINGLE_VALUE -> {
                if (entries.size() > 1) {
                    throw new IllegalArgumentException("A scalar sub-query returned more than one row (" + entries.size()
                            + "); it must return at most one, e.g. by an aggregate or a filter on a key");
                }
                yield entries.isEmpty() ? null : entries.get(0).getField(0);
            }
            case LISTAGG -> {
                StringBuilder text = null;
                for (Row entry : entries) {
                    if (entry.getField(0) == null) {
                        continue;
                    }
                    if (text == null) {
                        text = new StringBuilder();
                    } else {
                        Object between = separator != null ? separator : entry.getArity() > 1 ? entry.getField(1) : ",";
                        text.append(between == null ? "," : between);
                    }
                    text.append(SqlFunctions.toStringValue(entry.getField(0)));
                }
                yield text == null ? null : text.toString();
            }
            case JSON_ARRAYAGG_ABSENT_ON_NULL, JSON_ARRAYAGG_NULL_ON_NULL -> {
                List<Object> values = new ArrayList<>();
                for (Row entry : entries) {
                    if (entry.getField(0) != null || kind == Kind.JSON_ARRAYAGG_NULL_ON_NULL) {
                        values.add(entry.getField(0));
                    }
                }
                yield JsonSqlFunctions.jsonArray("NULL_ON_NULL", values.toArray());
            }
            case JSON_OBJECTAGG_NULL_ON_NULL, JSON_OBJECTAGG_ABSENT_ON_NULL -> {
                Map<String, Object> members = new LinkedHashMap<>();
                List<Object> keysAndValues = new ArrayList<>();
                for (Row entry : entries) {
                    Object key = entry.getField(0);
                    if (key == null) {
                        throw new IllegalArgumentException("JSON_OBJECTAGG: a key is NULL; keys must not be NULL "
                                + "(filter the rows or COALESCE the key)");
                    }
                    String name = SqlFunctions.toStringValue(key);
                    if (members.containsKey(name)) {
                        throw new IllegalArgumentException("JSON_OBJECTAGG: the key '" + name + "' occurs twice in "
                                + "a group; keys must be unique, as in Flink");
                    }
                    members.put(name, entry.getField(1));
                    if (entry.getField(1) != null || kind == Kind.JSON_OBJECTAGG_NULL_ON_NULL) {
                        keysAndValues.add(name);
                        keysAndValues.add(entry.getField(1));
                    }
                }
                yield JsonSqlFunctions.jsonObject("NULL_ON_NULL", keysAndValues.toArray());
            }
        };
    }
}
