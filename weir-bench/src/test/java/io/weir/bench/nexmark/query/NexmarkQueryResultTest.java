package io.weir.bench.nexmark.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each query's final result over 200,000 events (seed 42, 10 M events/s) equals Apache Flink's
 * byte for byte. The hashes are the SHA-256 of the Flink anchor harness's {@code reference/<q>.txt}
 * without its '#' header lines ({@code ./run.sh ref}; identical at Flink parallelism 1 and 2).
 */
class NexmarkQueryResultTest {
    private static final Map<String, String> FLINK_RESULT_SHA256 = Map.of(
            "q0", "32b793c1b356f19a691a408c8952f72a158e9def63106aba4ca73896b267ad18",
            "q1", "f16c4ac60fdaf84bf25b319748001a4e60ec5faec83428e4cc277cb10e8f55c1",
            "q2", "f6d87c007ec38c2c077ac8be663157c85e24357f169a15684505b8841f0d5d9c");

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q0, 1", "q0, 2", "q1, 1", "q1, 2", "q2, 1", "q2, 2"})
    void resultEqualsFlinksByteForByte(String name, int parallelism, @TempDir Path dir) throws Exception {
        NexmarkRun.Measurement m = NexmarkRun.run(NexmarkQueries.byName(name), NexmarkConfig.defaults(), 200_000,
                parallelism, dir);
        assertEquals(FLINK_RESULT_SHA256.get(name), m.sha256());
        assertEquals(FLINK_RESULT_SHA256.get(name), sha256(dir.resolve(name + ".txt")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the result file is left");
        }
    }

    @Test
    void q1WritesTheEuroPriceWithScaleThree() {
        assertEquals("1|2|99673.884|1700000000000|x",
                new Q1().canonicalRow(new Q1.ToEuro().map(new io.weir.bench.nexmark.Bid(1, 2, 109773, "c", "u",
                        1700000000000L, "x"))));
        assertEquals("1|2|0.908|3|", new Q1().canonicalRow(new Q1.EuroBid(1, 2, 908, 3, "")));
    }

    @Test
    void generatorOnlyRunsAndEmitsNothing() throws Exception {
        NexmarkRun.Measurement m = NexmarkRun.run(new GeneratorOnly(), NexmarkConfig.defaults(), 10_000, 2, null);
        assertEquals(10_000, m.events());
        assertNull(m.sha256());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
