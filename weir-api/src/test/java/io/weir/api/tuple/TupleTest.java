package io.weir.api.tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void printsLikeFlink() {
        assertEquals("(hello,1)", Tuple2.of("hello", 1).toString());
        assertEquals("()", new Tuple0().toString());
        assertEquals("(null,[1, 2])", Tuple2.of(null, new int[] {1, 2}).toString());
    }

    @Test
    void equalityAndHashCodeFollowTheFields() {
        assertEquals(Tuple3.of("a", 1, 2L), Tuple3.of("a", 1, 2L));
        assertEquals(Tuple3.of("a", 1, 2L).hashCode(), Tuple3.of("a", 1, 2L).hashCode());
        assertNotEquals(Tuple2.of("a", 1), Tuple2.of("a", 2));
        assertNotEquals(Tuple2.of("a", null), Tuple3.of("a", null, null));
        assertEquals(Tuple0.INSTANCE, new Tuple0());
    }

    @Test
    void fieldsByPosition() {
        Tuple2<String, Integer> tuple = new Tuple2<>();
        tuple.setField("x", 0);
        tuple.setField(3, 1);
        assertEquals("x", tuple.f0);
        assertEquals(Integer.valueOf(3), tuple.getField(1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> tuple.getField(2));
        assertEquals("Tuple2 has no field 2; its fields are f0 to f1", e.getMessage());
        tuple.setFields("y", 4);
        assertEquals(Tuple2.of("y", 4), tuple);
    }

    @Test
    void copiesAreShallowAndIndependent() {
        Tuple2<String, int[]> tuple = Tuple2.of("a", new int[] {1});
        Tuple2<String, int[]> copy = tuple.copy();
        assertNotSame(tuple, copy);
        copy.f0 = "b";
        assertEquals("a", tuple.f0);
        assertTrue(copy.f1 == tuple.f1);
    }

    @Test
    void newInstanceMakesEveryArity() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            assertEquals(arity, tuple.getArity());
            assertEquals(Tuple.getTupleClass(arity), tuple.getClass());
            if (arity > 0) {
                assertNull(tuple.getField(arity - 1));
                tuple.setField("v", arity - 1);
                assertEquals("v", tuple.getField(arity - 1));
                assertEquals(tuple, tuple.copy());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Tuple.newInstance(26));
    }

    @Test
    void largestTupleWorks() {
        Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                Integer, Integer, Integer> t = Tuple25.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                18, 19, 20, 21, 22, 23, 24);
        assertEquals(24, t.f24);
        assertEquals("(0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24)", t.toString());
    }
}
