package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One aggregate call of a query bound to its input: which field it reads (none for COUNT(*)),
 * the boolean field of its {@code FILTER (WHERE ...)} clause if any, and whether it is DISTINCT.
 * A DISTINCT call keeps a map from each value to its multiplicity in an extra accumulator field
 * and passes a value to its slot only when the value first appears (and retracts it only when
 * its last copy goes).
 */
public final class BoundAggregate implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value COUNT(*) counts: any non-null object. */
    private static final Object ROW_MARKER = Boolean.TRUE;

    private final AggregateSlot slot;
    private final int argument;
    /** For a user-defined aggregate: the fields of its arguments, passed as one list; null otherwise. */
    private final int[] arguments;
    private final int filter;
    private final boolean distinct;
    private final TypeInformation<?> argumentType;
    /** Where the distinct map sits, after the slot's own fields. */
    private final int distinctField;
    /** A partial accumulator's call (see {@link AggregateSlot#asPartial}): distinct counts may be negative. */
    private final boolean partial;

    /**
     * @param argument the input field read, or -1 for COUNT(*)
     * @param filter the input field of the FILTER condition, or -1
     * @param argumentType the argument's type (for a DISTINCT call's map); null for COUNT(*)
     */
    public BoundAggregate(AggregateSlot slot, int argument, int filter, boolean distinct,
            TypeInformation<?> argumentType) {
        this(slot, argument, null, filter, distinct, argumentType);
    }

    /**
     * A user-defined aggregate over any number of arguments: its slot gets the list of their values
     * for every row the FILTER lets through, NULLs included, as Flink passes them.
     */
    public static BoundAggregate ofArguments(AggregateSlot slot, int[] arguments, int filter) {
        return new BoundAggregate(slot, -2, arguments.clone(), filter, false, null);
    }

    /**
     * A DISTINCT call of several arguments ({@code LISTAGG(DISTINCT s, ';')}, a user aggregate): its
     * slot sees each distinct combination of argument values once, the first time it appears, and
     * gives it back when its last copy is retracted.
     *
     * @param argumentTypes the arguments' types, for the distinct map's keys (rows of the values)
     */
    public static BoundAggregate ofDistinctArguments(AggregateSlot slot, int[] arguments, int filter,
            List<TypeInformation<?>> argumentTypes) {
        return new BoundAggregate(slot, -2, arguments.clone(), filter, true,
                Types.ROW(argumentTypes.toArray(TypeInformation<?>[]::new)));
    }

    private BoundAggregate(AggregateSlot slot, int argument, int[] arguments, int filter, boolean distinct,
            TypeInformation<?> argumentType) {
        this(slot, argument, arguments, filter, distinct, argumentType, false);
    }

    private BoundAggregate(AggregateSlot slot, int argument, int[] arguments, int filter, boolean distinct,
            TypeInformation<?> argumentType, boolean partial) {
        this.partial = partial;
        this.slot = slot;
        this.argument = argument;
        this.arguments = arguments;
        this.filter = filter;
        this.distinct = distinct && (argument >= 0 || arguments != null);
        this.argumentType = argumentType;
        this.distinctField = slot.accumulatorTypes().size();
    }

    public AggregateSlot slot() {
        return slot;
    }

    /**
     * This call as the local half of a two-phase aggregate over input with updates keeps it: a
     * retraction of a value this partial has not seen is recorded (a DISTINCT call's count -1, the
     * slot's {@link AggregateSlot#asPartial}) for the merge to take back.
     */
    BoundAggregate asPartial() {
        return new BoundAggregate(slot.asPartial(), argument, arguments, filter, distinct, argumentType, true);
    }

    /** The accumulator fields: the slot's, then the distinct map if any. */
    List<TypeInformation<?>> accumulatorTypes() {
        List<TypeInformation<?>> types = new ArrayList<>(slot.accumulatorTypes());
        if (distinct) {
            types.add(Types.MAP(argumentType, BasicTypeInfo.LONG_TYPE_INFO));
        }
        return types;
    }

    void init(Row acc, int offset) {
        slot.init(acc, offset);
        if (distinct) {
            acc.setField(offset + distinctField, new HashMap<Object, Long>());
        }
    }

    void accumulate(Row acc, int offset, Row input) {
        Object value = value(input);
        if (value == null) {
            return;
        }
        if (distinct && distinctValues(acc, offset).merge(distinctKey(value), 1L, Long::sum) > 1) {
            return;
        }
        slot.accumulate(acc, offset, value);
    }

    void retract(Row acc, int offset, Row input) {
        Object value = value(input);
        if (value == null) {
            return;
        }
        if (distinct) {
            Map<Object, Long> values = distinctValues(acc, offset);
            Object key = distinctKey(value);
            Long count = values.get(key);
            if (count == null && partial) {
                values.put(key, -1L); // seen by another partial: the merge takes it back
                return;
            }
            if (count == null) {
                return;
            }
            if (count != 1) {
                values.put(key, count - 1);
                return;
            }
            values.remove(key);
        }
        slot.retract(acc, offset, value);
    }

    /**
     * Merges another accumulator's fields of this call into {@code acc}'s. A DISTINCT call adds the
     * other side's value counts to its map and passes the slot only the values new to it, so each
     * distinct value counts once; a partial's negative count that takes a value's last copies
     * away retracts the value from the slot.
     */
    void merge(Row acc, int offset, Row other) {
        if (!distinct) {
            slot.merge(acc, offset, other);
            return;
        }
        Map<Object, Long> values = distinctValues(acc, offset);
        for (Map.Entry<Object, Long> entry : distinctValues(other, offset).entrySet()) {
            long before = values.getOrDefault(entry.getKey(), 0L);
            long after = before + entry.getValue();
            if (after == 0) {
                values.remove(entry.getKey());
            } else {
                values.put(entry.getKey(), after);
            }
            if (before <= 0 && after > 0) {
                slot.accumulate(acc, offset, slotValue(entry.getKey()));
            } else if (before > 0 && after <= 0) {
                slot.retract(acc, offset, slotValue(entry.getKey()));
            }
        }
    }

    /** Whether {@link #merge} works (a DISTINCT call needs it too: its slot's result must not depend on order). */
    boolean canMerge() {
        return slot.canMerge();
    }

    private Object value(Row input) {
        if (filter >= 0 && !Boolean.TRUE.equals(input.getField(filter))) {
            return null;
        }
        if (arguments != null) {
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = input.getField(arguments[i]);
            }
            return Arrays.asList(values);
        }
        return argument < 0 ? ROW_MARKER : input.getField(argument);
    }

    /** The distinct map's key of a value: the value, or for several arguments a row of their values. */
    private Object distinctKey(Object value) {
        return arguments == null ? value : Row.of(((List<?>) value).toArray());
    }

    /** The value the slot takes for a distinct map's key. */
    private Object slotValue(Object key) {
        if (arguments == null) {
            return key;
        }
        Row row = (Row) key;
        Object[] values = new Object[row.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(i);
        }
        return Arrays.asList(values);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Long> distinctValues(Row acc, int offset) {
        return (Map<Object, Long>) acc.getField(offset + distinctField);
    }
}
