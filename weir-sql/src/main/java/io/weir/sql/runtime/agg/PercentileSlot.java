package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.MapTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink 2.x's PERCENTILE(expr, percentage[, frequency]): the exact percentile of a continuous
 * distribution of the non-null values, interpolated linearly between the two nearest values. Each
 * value counts {@code frequency} times (1 by default; 0 or NULL does not count it, a negative one fails
 * the job). {@code percentage} is a number between 0 and 1, or an ARRAY of them for an ARRAY of results.
 *
 * <p>The accumulator holds each value's count (so it retracts and merges) and the percentages as the
 * rows gave them. The value passed in is the list of the call's arguments ({@link BoundAggregate#ofArguments}).
 */
public final class PercentileSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final boolean array;

    /** @param array whether the percentage is an ARRAY (then the result is an ARRAY of DOUBLE) */
    public PercentileSlot(boolean array) {
        this.array = array;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(new MapTypeInfo<>(BasicTypeInfo.DOUBLE_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO),
                new ListTypeInfo<>(BasicTypeInfo.DOUBLE_TYPE_INFO));
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, new HashMap<Double, Long>());
        acc.setField(offset + 1, null);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        add(acc, offset, (List<?>) value, 1);
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        add(acc, offset, (List<?>) value, -1);
    }

    private void add(Row acc, int offset, List<?> arguments, int sign) {
        if (arguments.get(0) == null) {
            return;
        }
        long frequency = 1;
        if (arguments.size() > 2) {
            if (arguments.get(2) == null) {
                return;
            }
            frequency = ((Number) arguments.get(2)).longValue();
            if (frequency < 0) {
                throw new IllegalArgumentException("PERCENTILE: the frequency " + frequency + " is negative; it must "
                        + "be 0 or more (the number of times the value counts)");
            }
        }
        if (acc.getField(offset + 1) == null) {
            acc.setField(offset + 1, percentages(arguments.get(1)));
        }
        Map<Double, Long> counts = counts(acc, offset);
        double value = ((Number) arguments.get(0)).doubleValue();
        long count = counts.getOrDefault(value, 0L) + sign * frequency;
        if (count == 0) {
            counts.remove(value);
        } else {
            counts.put(value, count);
        }
    }

    private List<Double> percentages(Object percentage) {
        List<Double> result = new ArrayList<>();
        if (percentage instanceof List<?> list) {
            for (Object element : list) {
                result.add(checked(element));
            }
        } else {
            result.add(checked(percentage));
        }
        return result;
    }

    private static Double checked(Object percentage) {
        if (percentage == null) {
            throw new IllegalArgumentException("PERCENTILE: the percentage is NULL; it must be a number between 0 and 1");
        }
        double p = ((Number) percentage).doubleValue();
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("PERCENTILE: the percentage " + percentage + " is not between 0 and 1");
        }
        return p;
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        Map<Double, Long> counts = counts(acc, offset);
        counts(other, offset).forEach((value, count) -> {
            long sum = counts.getOrDefault(value, 0L) + count;
            if (sum == 0) {
                counts.remove(value);
            } else {
                counts.put(value, sum);
            }
        });
        if (acc.getField(offset + 1) == null) {
            acc.setField(offset + 1, other.getField(offset + 1));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object result(Row acc, int offset) {
        List<Double> percentages = (List<Double>) acc.getField(offset + 1);
        List<Map.Entry<Double, Long>> sorted = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Double, Long> entry : counts(acc, offset).entrySet()) {
            if (entry.getValue() > 0) {
                sorted.add(entry);
                total += entry.getValue();
            }
        }
        if (total == 0 || percentages == null) {
            return null;
        }
        sorted.sort(Map.Entry.comparingByKey());
        List<Double> results = new ArrayList<>();
        for (double p : percentages) {
            double position = p * (total - 1);
            long lower = (long) Math.floor(position);
            long upper = (long) Math.ceil(position);
            double low = at(sorted, lower);
            double high = upper == lower ? low : at(sorted, upper);
            results.add(low + (position - lower) * (high - low));
        }
        return array ? results : results.get(0);
    }

    /** The value at a 0-based position of the sorted values, each repeated by its count. */
    private static double at(List<Map.Entry<Double, Long>> sorted, long position) {
        long seen = 0;
        for (Map.Entry<Double, Long> entry : sorted) {
            seen += entry.getValue();
            if (position < seen) {
                return entry.getKey();
            }
        }
        return sorted.get(sorted.size() - 1).getKey();
    }

    @SuppressWarnings("unchecked")
    private static Map<Double, Long> counts(Row acc, int offset) {
        return (Map<Double, Long>) acc.getField(offset);
    }
}
