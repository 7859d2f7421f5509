package io.weir.api.accumulators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The built-in accumulators: adding, merging, and clones that do not change with the original. */
class AccumulatorTypesTest {
    @Test
    void countersSumAndMerge() {
        IntCounter i = new IntCounter();
        i.add(2);
        i.add(Integer.valueOf(3));
        i.merge(new IntCounter(10));
        assertEquals(15, i.getLocalValuePrimitive());

        LongCounter l = new LongCounter(1);
        l.add(2L);
        l.merge(new LongCounter(3));
        assertEquals(6L, l.getLocalValue());

        DoubleCounter d = new DoubleCounter();
        d.add(0.5);
        d.merge(new DoubleCounter(1.0));
        assertEquals(1.5, d.getLocalValue());

        l.resetLocal();
        assertEquals(0L, l.getLocalValue());
    }

    @Test
    void averageMergesSumsAndCounts() {
        AverageAccumulator a = new AverageAccumulator();
        assertEquals(0.0, a.getLocalValue());
        a.add(1);
        a.add(2L);
        AverageAccumulator b = new AverageAccumulator();
        b.add(6.0);
        a.merge(b);
        assertEquals(3.0, a.getLocalValue());
    }

    @Test
    void histogramCountsValues() {
        Histogram h = new Histogram();
        h.add(3);
        h.add(1);
        h.add(3);
        Histogram other = new Histogram();
        other.add(1);
        h.merge(other);
        assertEquals(new TreeMap<>(Map.of(1, 2, 3, 2)), h.getLocalValue());
    }

    @Test
    void clonesAreIndependentOfLaterAdds() {
        ListAccumulator<String> list = new ListAccumulator<>();
        list.add("a");
        ListAccumulator<String> listCopy = list.clone();
        list.add("b");
        assertEquals(List.of("a"), listCopy.getLocalValue());

        Histogram h = new Histogram();
        h.add(1);
        Histogram hCopy = h.clone();
        h.add(1);
        assertEquals(Map.of(1, 1), hCopy.getLocalValue());

        AverageAccumulator avg = new AverageAccumulator();
        avg.add(2);
        AverageAccumulator avgCopy = avg.clone();
        avg.add(4);
        assertEquals(2.0, avgCopy.getLocalValue());

        IntCounter c = new IntCounter(1);
        IntCounter cCopy = c.clone();
        c.add(1);
        assertEquals(1, cCopy.getLocalValue());
    }
}
