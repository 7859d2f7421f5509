package io.weir.sql.udf;

import io.weir.api.types.Row;
import io.weir.sql.annotation.DataTypeHint;
import io.weir.sql.annotation.FunctionHint;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.functions.FunctionContext;
import io.weir.sql.functions.ScalarFunction;
import io.weir.sql.functions.TableFunction;
import java.math.BigDecimal;

/** User-defined functions the golden files register with {@code CREATE FUNCTION ... AS 'class'}. */
public final class TestFunctions {

    private TestFunctions() {
    }

    /** Overloads: the argument types pick the method; varargs take the rest. */
    public static class Describe extends ScalarFunction {
        public String eval(int i) {
            return "int " + i;
        }

        public String eval(Long l) {
            return l == null ? "null long" : "long " + l;
        }

        public String eval(String s, Integer... numbers) {
            int sum = 0;
            for (Integer n : numbers) {
                sum += n == null ? 0 : n;
            }
            return s + " " + numbers.length + " " + sum;
        }
    }

    /** A hinted DECIMAL result, and a field configured through the instance. */
    public static class Scale extends ScalarFunction {
        private int factor = 1;

        @Override
        public void open(FunctionContext context) {
            factor = 10;
        }

        @DataTypeHint("DECIMAL(10, 2)")
        public BigDecimal eval(BigDecimal value) {
            return value == null ? null : value.multiply(BigDecimal.valueOf(factor));
        }
    }

    /** Flink's documented example: each word of a sentence with its length. */
    @FunctionHint(output = @DataTypeHint("ROW<word STRING, length INT>"))
    public static class SplitFunction extends TableFunction<Row> {
        public void eval(String sentence) {
            if (sentence == null) {
                return;
            }
            for (String word : sentence.split(" ")) {
                if (!word.isEmpty()) {
                    collect(Row.of(word, word.length()));
                }
            }
        }
    }

    /** A scalar result per row: the numbers from 1 to n, none for n below 1. */
    public static class Range extends TableFunction<Long> {
        public void eval(long n) {
            for (long i = 1; i <= n; i++) {
                collect(i);
            }
        }
    }

    /** A table function that does not say its row type. */
    public static class Untyped extends TableFunction<Row> {
        public void eval(String s) {
            collect(Row.of(s));
        }
    }

    /** The accumulator of {@link WeightedAvg}: a POJO, so it is kept in state by its fields. */
    public static class CountAccumulator {
        public long count;
    }

    /**
     * A count that only works between {@code open} and {@code close}: it fails if a row reaches it
     * before {@code open} or after {@code close}, and counts its opens and closes.
     */
    public static class OpenCloseCount extends AggregateFunction<Long, CountAccumulator> {
        public static final java.util.concurrent.atomic.AtomicInteger OPENED = new java.util.concurrent.atomic.AtomicInteger();
        public static final java.util.concurrent.atomic.AtomicInteger CLOSED = new java.util.concurrent.atomic.AtomicInteger();
        private transient boolean open;

        @Override
        public void open(FunctionContext context) {
            open = true;
            OPENED.incrementAndGet();
        }

        @Override
        public void close() {
            open = false;
            CLOSED.incrementAndGet();
        }

        @Override
        public CountAccumulator createAccumulator() {
            return new CountAccumulator();
        }

        @Override
        public Long getValue(CountAccumulator acc) {
            checkOpen();
            return acc.count;
        }

        public void accumulate(CountAccumulator acc, Long value) {
            checkOpen();
            acc.count++;
        }

        public void retract(CountAccumulator acc, Long value) {
            checkOpen();
            acc.count--;
        }

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("OpenCloseCount called before open() or after close()");
            }
        }
    }

    public static class WeightedAvgAccumulator {
        public long sum;
        public int count;
    }

    /** Flink's documented example: an average weighted by a second argument, with retraction. */
    public static class WeightedAvg extends AggregateFunction<Long, WeightedAvgAccumulator> {
        @Override
        public WeightedAvgAccumulator createAccumulator() {
            return new WeightedAvgAccumulator();
        }

        @Override
        public Long getValue(WeightedAvgAccumulator acc) {
            return acc.count == 0 ? null : acc.sum / acc.count;
        }

        public void accumulate(WeightedAvgAccumulator acc, Long value, Integer weight) {
            if (value != null && weight != null) {
                acc.sum += value * weight;
                acc.count += weight;
            }
        }

        public void retract(WeightedAvgAccumulator acc, Long value, Integer weight) {
            if (value != null && weight != null) {
                acc.sum -= value * weight;
                acc.count -= weight;
            }
        }

        public void merge(WeightedAvgAccumulator acc, Iterable<WeightedAvgAccumulator> others) {
            for (WeightedAvgAccumulator other : others) {
                acc.sum += other.sum;
                acc.count += other.count;
            }
        }
    }

    /** Counts rows, NULL arguments included; it cannot take rows back. */
    public static class CountAll extends AggregateFunction<Long, WeightedAvgAccumulator> {
        @Override
        public WeightedAvgAccumulator createAccumulator() {
            return new WeightedAvgAccumulator();
        }

        @Override
        public Long getValue(WeightedAvgAccumulator acc) {
            return (long) acc.count;
        }

        public void accumulate(WeightedAvgAccumulator acc, Object value) {
            acc.count++;
        }
    }
}
