package io.weir.api.functions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ClosureCleanerTest {
    private final String suffix = String.valueOf('!'); // not a constant, so the function must read it

    @Test
    void anonymousFunctionThatIgnoresItsEnclosingObjectBecomesSerializable() throws Exception {
        MapFunction<String, String> upper = new MapFunction<>() {
            @Override
            public String map(String value) {
                return value.toUpperCase();
            }
        };
        assertThrows(NotSerializableException.class, () -> serialize(upper));
        assertSame(upper, ClosureCleaner.clean(upper));
        assertDoesNotThrow(() -> serialize(upper));
        assertEquals("A", upper.map("a"));
    }

    @Test
    void anonymousFunctionThatReadsItsEnclosingObjectKeepsIt() throws Exception {
        MapFunction<String, String> exclaim = new MapFunction<>() {
            @Override
            public String map(String value) {
                return value + suffix;
            }
        };
        ClosureCleaner.clean(exclaim);
        assertEquals("a!", exclaim.map("a"));
        assertThrows(NotSerializableException.class, () -> serialize(exclaim));
    }

    @Test
    void staticAndTopLevelFunctionsAreLeftAlone() {
        MapFunction<String, String> lambda = String::trim;
        assertSame(lambda, ClosureCleaner.clean(lambda));
        assertEquals(null, ClosureCleaner.clean((Object) null));
    }

    private static void serialize(Object o) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(o);
        }
    }
}
