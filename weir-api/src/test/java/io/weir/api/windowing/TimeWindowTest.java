package io.weir.api.windowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void windowStartAlignsToTheOffsetForPositiveAndNegativeTimestamps() {
        assertEquals(0, TimeWindow.getWindowStartWithOffset(0, 0, 10));
        assertEquals(0, TimeWindow.getWindowStartWithOffset(9, 0, 10));
        assertEquals(10, TimeWindow.getWindowStartWithOffset(10, 0, 10));
        assertEquals(-10, TimeWindow.getWindowStartWithOffset(-1, 0, 10));
        assertEquals(-10, TimeWindow.getWindowStartWithOffset(-10, 0, 10));
        assertEquals(3, TimeWindow.getWindowStartWithOffset(12, 3, 10));
        assertEquals(-7, TimeWindow.getWindowStartWithOffset(2, 3, 10));
        assertEquals(-3, TimeWindow.getWindowStartWithOffset(0, -3, 10));
        assertEquals(7, TimeWindow.getWindowStartWithOffset(7, -3, 10));
    }

    @Test
    void endIsExclusiveAndTouchingWindowsIntersect() {
        TimeWindow w = new TimeWindow(0, 10);
        assertEquals(9, w.maxTimestamp());
        assertTrue(w.intersects(new TimeWindow(10, 20)));
        assertFalse(w.intersects(new TimeWindow(11, 20)));
        assertEquals(new TimeWindow(-5, 20), w.cover(new TimeWindow(-5, 20)));
        assertEquals(Long.MAX_VALUE, GlobalWindow.get().maxTimestamp());
    }

    @Test
    void mergeWindowsReportsEachRunOfOverlappingWindows() {
        List<String> merges = new ArrayList<>();
        TimeWindow.mergeWindows(List.of(new TimeWindow(20, 30), new TimeWindow(0, 10), new TimeWindow(5, 12),
                new TimeWindow(40, 50), new TimeWindow(12, 15)), (merged, result) -> merges.add(merged + "->" + result));
        assertEquals(List.of("[TimeWindow{start=0, end=10}, TimeWindow{start=5, end=12}, TimeWindow{start=12, end=15}]"
                + "->TimeWindow{start=0, end=15}"), merges);
    }

    @Test
    void serializersRoundTrip() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TimeWindow.Serializer.INSTANCE.serialize(new TimeWindow(-5, 7), out);
        GlobalWindow.Serializer.INSTANCE.serialize(GlobalWindow.get(), out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertEquals(new TimeWindow(-5, 7), TimeWindow.Serializer.INSTANCE.deserialize(in));
        assertEquals(GlobalWindow.get(), GlobalWindow.Serializer.INSTANCE.deserialize(in));
    }
}
