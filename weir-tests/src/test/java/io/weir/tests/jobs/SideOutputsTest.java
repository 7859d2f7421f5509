package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Side outputs through the job graph: chained, across a network exchange, keyed, from timers. */
class SideOutputsTest {
    private static final OutputTag<String> ODD = new OutputTag<String>("odd") {};
    private static final OutputTag<Long> FIRED = new OutputTag<>("fired", Types.LONG);

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final class SplitOdd extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(ODD, "odd-" + value);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void mainAndSideOutputCarryTheirOwnRecordsAndTypes(int parallelism) throws Exception {
        long count = 2_000;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        SingleOutputStreamOperator<Long> evens = env.fromSequence(0, count - 1).process(new SplitOdd());
        DataStream<String> odds = evens.getSideOutput(ODD);
        DataStream<String> chained = odds.map(s -> "c:" + s);
        DataStream<String> shuffled = evens.getSideOutput(ODD).rebalance().map(s -> "r:" + s);
        DataStream<String> main = evens.map(x -> "e:" + x);
        List<String> results = main.union(chained, shuffled).executeAndCollect(1_000_000);

        List<String> expected = new ArrayList<>();
        for (long x = 0; x < count; x++) {
            if (x % 2 == 0) {
                expected.add("e:" + x);
            } else {
                expected.add("c:odd-" + x);
                expected.add("r:odd-" + x);
            }
        }
        assertSameElements(expected, results);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void keyedTimersEmitToASideOutputThatIsKeyedAgain(int parallelism) throws Exception {
        long count = 1_000;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        SingleOutputStreamOperator<Long> processed = env.fromSequence(0, count - 1)
                .keyBy(x -> x % 10)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        ctx.timerService().registerEventTimeTimer(value);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
                        ctx.output(FIRED, timestamp);
                    }
                });
        List<Long> results = processed.getSideOutput(FIRED)
                .keyBy(x -> x % 3)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        if (ctx.timestamp() != value.longValue()) {
                            throw new IllegalStateException("side output lost its timestamp: " + ctx.timestamp());
                        }
                        out.collect(value);
                    }
                })
                .executeAndCollect(1_000_000);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < count; x++) {
            expected.add(x);
        }
        assertSameElements(expected, results);
    }

    /** Two chained maps of one stream: the first must not change the record the second gets. */
    @Test
    void chainedConsumersOfOneStreamEachSeeTheOriginalRecord() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        DataStream<String> words = env.fromData("a", "b");
        List<String> results = words.map(s -> "1" + s).union(words.map(s -> "2" + s)).executeAndCollect(100);
        assertSameElements(List.of("1a", "1b", "2a", "2b"), results);
    }

    @Test
    void sameTagIdWithAnotherTypeIsRejected() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        SingleOutputStreamOperator<Long> evens = env.fromSequence(0, 1).process(new SplitOdd());
        evens.getSideOutput(ODD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evens.getSideOutput(new OutputTag<>("odd", Types.LONG)));
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
    }

    @Test
    void tagWithoutCapturedTypeIsAClearError() {
        Exception e = assertThrows(RuntimeException.class, () -> new OutputTag<String>("no-type"));
        assertTrue(e.getMessage().contains("anonymous subclass"), e.getMessage());
    }
}
