package io.weir.api.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIDTest {
    @Test
    void generatedIdsAreDistinctAndPrintAs32LowerCaseHexDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String hex = JobID.generate().toHexString();
            assertTrue(hex.matches("[0-9a-f]{32}"), hex);
            assertTrue(seen.add(hex), "duplicate id " + hex);
        }
    }

    @Test
    void hexStringRoundTripsWithLeadingZeros() {
        String hex = "00000000000000010000000000000abc";
        JobID id = JobID.fromHexString(hex);
        assertEquals(hex, id.toHexString());
        assertEquals(hex, id.toString());
        assertEquals(id, JobID.fromHexString(hex));
        assertEquals(id.hashCode(), JobID.fromHexString(hex).hashCode());
        JobID generated = JobID.generate();
        assertEquals(generated, JobID.fromHexString(generated.toHexString()));
    }

    @Test
    void rejectsAHexStringOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobID.fromHexString("abc"));
        assertTrue(e.getMessage().contains("32 hex digits"), e.getMessage());
    }
}
