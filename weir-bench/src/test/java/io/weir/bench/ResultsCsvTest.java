package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    @Test
    void writesTheHeaderOnceThenOneRowPerRun(@TempDir Path dir) throws Exception {
        ResultsCsv csv = new ResultsCsv(dir.resolve("sub/nexmark.csv"));
        ResultsCsv.Row row = new ResultsCsv.Row(Instant.parse("2026-01-02T03:04:05.678Z"), "q1", 2, 5_000_000, 42,
                10_000_000, 2.5, 2_000_000, 3.25, 0.0125, "abc1234");
        csv.append(row);
        csv.append(row);
        assertEquals(List.of(
                "time,query,parallelism,events,seed,tps,job_seconds,events_per_second,process_seconds,gc_seconds,commit",
                "2026-01-02T03:04:05Z,q1,2,5000000,42,10000000,2.500,2000000,3.250,0.013,abc1234",
                "2026-01-02T03:04:05Z,q1,2,5000000,42,10000000,2.500,2000000,3.250,0.013,abc1234"),
                Files.readAllLines(dir.resolve("sub/nexmark.csv")));
    }
}
