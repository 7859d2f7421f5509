package io.weir.runtime.operators.windowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.api.state.ValueState;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergingWindowSetTest {

    /** The stored mapping of one key. */
    private static final class OneValue implements ValueState<HashMap<TimeWindow, TimeWindow>> {
        HashMap<TimeWindow, TimeWindow> value;

        @Override
        public HashMap<TimeWindow, TimeWindow> value() {
            return value;
        }

        @Override
        public void update(HashMap<TimeWindow, TimeWindow> value) {
            this.value = value;
        }

        @Override
        public void clear() {
            value = null;
        }
    }

    private final OneValue state = new OneValue();
    private final MergingWindowSet<TimeWindow> set =
            new MergingWindowSet<>(EventTimeSessionWindows.withGap(Duration.ofMillis(10)), state);
    private final List<String> merges = new ArrayList<>();

    private TimeWindow add(long start) throws Exception {
        return set.addWindow(new TimeWindow(start, start + 10), (result, merged, stateResult, mergedState) ->
                merges.add(merged + "->" + result + " state " + mergedState + "->" + stateResult));
    }

    private static TimeWindow w(long start, long end) {
        return new TimeWindow(start, end);
    }

    @Test
    void aNewWindowIsItsOwnStateWindow() throws Exception {
        set.load();
        assertEquals(w(0, 10), add(0));
        assertEquals(w(0, 10), set.getStateWindow(w(0, 10)));
        assertEquals(List.of(), merges);
    }

    @Test
    void aNewWindowThatExtendsOneKeepsTheExistingStateWindowAndMergesNothing() throws Exception {
        set.load();
        add(0);
        assertEquals(w(0, 15), add(5));
        assertEquals(w(0, 10), set.getStateWindow(w(0, 15)));
        assertNull(set.getStateWindow(w(0, 10)));
        // Only the new window's trigger state would need merging; the existing window is merged into the result.
        assertEquals(List.of("[TimeWindow{start=0, end=10}]->TimeWindow{start=0, end=15} state []->TimeWindow{start=0, end=10}"),
                merges);
    }

    @Test
    void aBridgingWindowMergesTwoExistingWindowsAndTheirState() throws Exception {
        set.load();
        add(0);
        add(20);
        assertEquals(w(0, 30), add(10));
        assertEquals(w(0, 10), set.getStateWindow(w(0, 30)));
        assertEquals(List.of("[TimeWindow{start=0, end=10}, TimeWindow{start=20, end=30}]->TimeWindow{start=0, end=30}"
                + " state [TimeWindow{start=20, end=30}]->TimeWindow{start=0, end=10}"), merges);
        assertEquals(1, set.windows().size());
    }

    @Test
    void aWindowInsideAnExistingOneReturnsThatOneWithoutMerging() throws Exception {
        set.load();
        add(0);
        add(5);
        merges.clear();
        assertEquals(w(0, 15), add(3));
        assertEquals(List.of(), merges);
    }

    @Test
    void persistWritesTheMappingAndRetiringTheLastWindowClearsIt() throws Exception {
        set.load();
        add(0);
        set.persist();
        assertEquals(1, state.value.size());
        set.load();
        set.retireWindow(w(0, 10));
        set.persist();
        assertNull(state.value);
    }
}
