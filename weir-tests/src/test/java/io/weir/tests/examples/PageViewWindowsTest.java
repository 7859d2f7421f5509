package io.weir.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Types;
import io.weir.examples.pageviewwindows.PageViewWindows;
import io.weir.examples.pageviewwindows.PageViewWindows.PageView;
import io.weir.examples.pageviewwindows.PageViewWindows.WindowCount;
import io.weir.testutils.MiniClusterExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event-time example: every view is counted in its window or reported late, never lost or doubled. */
class PageViewWindowsTest {
    private static final long EVENTS = 20_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(3).build();

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void everyViewIsInItsWindowCountOrInTheLateOutput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        SingleOutputStreamOperator<WindowCount> counts = PageViewWindows.build(env, EVENTS);
        DataStream<String> windows = counts.map(c -> c.page() + "|" + c.windowStart() + "|" + c.count())
                .returns(Types.STRING);
        DataStream<String> late = counts.getSideOutput(PageViewWindows.LATE)
                .map(v -> v.page() + "|" + windowStart(v) + "|late").returns(Types.STRING);
        List<String> lines = windows.union(late).executeAndCollect(1_000_000);

        Map<String, Long> seen = new HashMap<>();
        int windowResults = 0;
        for (String line : lines) {
            String key = line.substring(0, line.lastIndexOf('|'));
            String value = line.substring(line.lastIndexOf('|') + 1);
            if (value.equals("late")) {
                seen.merge(key, 1L, Long::sum);
            } else {
                windowResults++;
                assertTrue(seen.merge(key + "|result", 1L, Long::sum) == 1, "two results for window " + key);
                seen.merge(key, Long.parseLong(value), Long::sum);
            }
        }
        Map<String, Long> expected = new HashMap<>();
        PageViewWindows.PageViews generator = new PageViewWindows.PageViews();
        for (long i = 0; i < EVENTS; i++) {
            PageView view = generator.map(i);
            expected.merge(view.page() + "|" + windowStart(view), 1L, Long::sum);
        }
        seen.keySet().removeIf(k -> k.endsWith("|result"));
        assertEquals(expected, seen);
        assertTrue(windowResults >= expected.size() * 9 / 10, "most windows fire: " + windowResults);
    }

    private static long windowStart(PageView view) {
        return view.time() - view.time() % 10_000;
    }
}
