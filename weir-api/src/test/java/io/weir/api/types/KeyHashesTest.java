package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.weir.api.tuple.Tuple2;
import io.weir.api.types.TestTypes.Color;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyHashesTest {

    @Test
    void enumsHashByNameNotIdentity() {
        assertEquals("RED".hashCode(), KeyHashes.stableHashCode(Color.RED));
        assertEquals(81009, KeyHashes.stableHashCode(Color.RED), "the same value in every JVM");
        assertEquals("BLUE".hashCode(), KeyHashes.stableHashCode(Color.BLUE), "constants with bodies too");
    }

    @Test
    void commonValuesUseTheirOwnHashCode() {
        assertEquals("key".hashCode(), KeyHashes.stableHashCode("key"));
        assertEquals(Integer.hashCode(42), KeyHashes.stableHashCode(42));
        assertEquals(Long.hashCode(1L << 40), KeyHashes.stableHashCode(1L << 40));
        assertEquals(Double.hashCode(2.5), KeyHashes.stableHashCode(2.5));
        assertEquals(0, KeyHashes.stableHashCode(null));
    }

    @Test
    void compositesCombineTheStableHashesOfTheirParts() {
        int red = "RED".hashCode();
        int expectedPair = 31 * (31 + "a".hashCode()) + red;
        assertEquals(expectedPair, KeyHashes.stableHashCode(Tuple2.of("a", Color.RED)));
        assertEquals(expectedPair, KeyHashes.stableHashCode(Row.of("a", Color.RED)));
        assertEquals(expectedPair, KeyHashes.stableHashCode(List.of("a", Color.RED)));
        assertEquals(expectedPair, KeyHashes.stableHashCode(new TestTypes.Pair<>("a", Color.RED)));
        assertEquals(red, KeyHashes.stableHashCode(Optional.of(Color.RED)));
        assertEquals(red + "GREEN".hashCode(), KeyHashes.stableHashCode(Set.of(Color.RED, Color.GREEN)));
        assertEquals("k".hashCode() ^ red, KeyHashes.stableHashCode(Map.of("k", Color.RED)));
        assertEquals(31 * (31 + 1) + 2, KeyHashes.stableHashCode(new TestTypes.Point(1, 2)));
    }

    @Test
    void nestedEnumsAreStableToo() {
        Object key = Tuple2.of(List.of(Color.BLUE), new TestTypes.Pair<>(Color.GREEN, 1));
        int inner = 31 * (31 + "GREEN".hashCode()) + 1;
        assertEquals(31 * (31 + (31 + "BLUE".hashCode())) + inner, KeyHashes.stableHashCode(key));
    }

    @Test
    void namedRowsHashIndependentlyOfInsertionOrder() {
        Row a = Row.withNames();
        a.setField("x", 1);
        a.setField("y", Color.RED);
        Row b = Row.withNames();
        b.setField("y", Color.RED);
        b.setField("x", 1);
        assertEquals(KeyHashes.stableHashCode(a), KeyHashes.stableHashCode(b));
        assertNotEquals(KeyHashes.stableHashCode(Row.of(1, 2)), KeyHashes.stableHashCode(Row.of(2, 1)));
    }
}
