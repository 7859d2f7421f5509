package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Comparisons of job results whose order is not defined. */
final class Results {
    private Results() {}

    /** Asserts both collections hold the same elements with the same multiplicities, in any order. */
    static <T> void assertSameElements(Collection<T> expected, Collection<T> actual) {
        Comparator<T> byString = Comparator.comparing(String::valueOf);
        List<T> e = new ArrayList<>(expected);
        List<T> a = new ArrayList<>(actual);
        e.sort(byString);
        a.sort(byString);
        assertEquals(e, a);
    }
}
