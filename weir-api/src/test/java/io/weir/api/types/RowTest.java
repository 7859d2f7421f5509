package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void printsKindAndFields() {
        assertEquals("+I[a, 1]", Row.of("a", 1).toString());
        assertEquals("-D[null, [1, 2]]", Row.ofKind(RowKind.DELETE, null, new int[] {1, 2}).toString());
        Row named = Row.withNames(RowKind.UPDATE_AFTER);
        named.setField("name", "b");
        named.setField("n", 2);
        assertEquals("+U{name=b, n=2}", named.toString());
    }

    @Test
    void equalityIncludesKindAndArrayContents() {
        assertEquals(Row.of("a", new byte[] {1}), Row.of("a", new byte[] {1}));
        assertEquals(Row.of("a", new byte[] {1}).hashCode(), Row.of("a", new byte[] {1}).hashCode());
        assertNotEquals(Row.of("a"), Row.ofKind(RowKind.DELETE, "a"));
        Row x = Row.withNames();
        x.setField("a", 1);
        x.setField("b", 2);
        Row y = Row.withNames();
        y.setField("b", 2);
        y.setField("a", 1);
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
    }

    @Test
    void positionalAndNamedAccessAreKeptApart() {
        Row positional = Row.withPositions(2);
        positional.setField(0, "v");
        assertEquals("v", positional.getField(0));
        assertNull(positional.getField(1));
        assertThrows(IllegalArgumentException.class, () -> positional.getField("name"));
        Row named = Row.withNames();
        named.setField("name", "v");
        assertThrows(IllegalStateException.class, () -> named.getField(0));
        assertEquals(1, named.getArity());
    }

    @Test
    void rowKindBytesAreStable() {
        for (RowKind kind : RowKind.values()) {
            assertEquals(kind, RowKind.fromByteValue(kind.toByteValue()));
        }
        assertEquals(3, RowKind.DELETE.toByteValue());
        assertEquals("-U", RowKind.UPDATE_BEFORE.shortString());
        assertThrows(IllegalArgumentException.class, () -> RowKind.fromByteValue((byte) 4));
    }
}
