package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.types.Row;
import io.weir.sql.runtime.window.RowtimeWatermarks;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

public class RowtimeWatermarksTest {

    /** Counts its evaluations, so the test sees how often the generator evaluates the expression. */
    public static final AtomicLong EVALUATIONS = new AtomicLong();

    /** A program as the code generator writes one: the rowtime (field 1) minus 4 seconds. */
    private static final String SOURCE = """
            public final class WatermarkMinusFour implements io.weir.sql.runtime.RowProgram {
                public io.weir.api.types.Row apply(io.weir.api.types.Row input) {
                    io.weir.sql.runtime.RowtimeWatermarksTest.EVALUATIONS.incrementAndGet();
                    java.time.LocalDateTime ts = (java.time.LocalDateTime) input.getField(1);
                    io.weir.api.types.Row out = new io.weir.api.types.Row(input.getKind(), 1);
                    if (ts != null) {
                        out.setField(0, ts.minusSeconds(4));
                    }
                    return out;
                }
            }
            """;

    @Test
    void aRowtimeOnlyExpressionIsEvaluatedOncePerRowtimeWithTheSameWatermarks() {
        List<Row> rows = new ArrayList<>();
        long[] millis = {1_000, 1_000, 1_000, 2_500, 2_500, 1_800, 1_800, 2_500, 9_000, 9_000};
        for (int i = 0; i < millis.length; i++) {
            rows.add(Row.of("row" + i, WindowTableFunction.toTimestamp(millis[i])));
        }
        rows.add(3, Row.of("no rowtime", null));

        EVALUATIONS.set(0);
        List<Long> everyRow = watermarks(new RowtimeWatermarks(1, "WatermarkMinusFour", SOURCE, true, false), rows);
        assertEquals(rows.size(), EVALUATIONS.get());

        EVALUATIONS.set(0);
        List<Long> cached = watermarks(new RowtimeWatermarks(1, "WatermarkMinusFour", SOURCE, true, true), rows);
        // 1000, null, 2500, 1800, 2500, 9000: a rowtime equal to the row before's is not evaluated again.
        assertEquals(6, EVALUATIONS.get());

        assertEquals(List.of(-3_000L, -1_500L, 5_000L), everyRow);
        assertEquals(everyRow, cached);
    }

    @Test
    void toMillisReadsTimestampsAsUtcLikeInstant() {
        for (long millis : new long[] {0, 1, 999, 1_000, 1_700_000_000_123L, -1, -999, -1_000, -1_001,
                -62_135_596_800_000L}) {
            LocalDateTime timestamp = WindowTableFunction.toTimestamp(millis);
            assertEquals(millis, WindowTableFunction.toMillis(timestamp));
            assertEquals(timestamp.toInstant(java.time.ZoneOffset.UTC).toEpochMilli(),
                    WindowTableFunction.toMillis(timestamp));
        }
        LocalDateTime withMicros = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999);
        assertEquals(withMicros.toInstant(java.time.ZoneOffset.UTC).toEpochMilli(),
                WindowTableFunction.toMillis(withMicros));
    }

    private static List<Long> watermarks(RowtimeWatermarks strategy, List<Row> rows) {
        WatermarkGenerator<Row> generator = strategy.createWatermarkGenerator(null);
        List<Long> emitted = new ArrayList<>();
        WatermarkOutput output = new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                emitted.add(watermark.getTimestamp());
            }

            @Override
            public void markIdle() {
            }

            @Override
            public void markActive() {
            }
        };
        for (Row row : rows) {
            generator.onEvent(row, 0, output);
        }
        return emitted;
    }
}
