package io.weir.runtime.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.operators.StreamMap;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.windowing.WindowOperatorBuilder;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.transformations.AsyncWaitDescription;
import io.weir.api.transformations.BroadcastProcessDescription;
import io.weir.api.transformations.GroupedReduceDescription;
import io.weir.api.transformations.IntervalJoinDescription;
import io.weir.api.transformations.KeyedBroadcastProcessDescription;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.OperatorInstance;
import io.weir.api.transformations.TimestampsAndWatermarksDescription;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.async.AsyncWaitOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithKeyedOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithNonKeyedOperator;
import io.weir.runtime.operators.join.IntervalJoinOperator;
import io.weir.runtime.operators.windowing.EvictingWindowOperator;
import io.weir.runtime.operators.windowing.WindowOperator;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of operator description the API can record is built into its runtime operator; a new
 * kind of description without its branch in {@link BuiltInOperators} fails here, not in a job.
 */
class BuiltInOperatorsTest {

    private static final List<MapStateDescriptor<?, ?>> BROADCAST_STATES =
            List.of(new MapStateDescriptor<>("rules", Types.STRING, Types.STRING));

    /** One description of each kind, with the operator class it must give. */
    private static Map<OperatorDescription, Class<?>> samples() {
        return Map.of(
                window().reduce(Integer::sum), WindowOperator.class,
                new AsyncWaitDescription<Integer, Integer>((in, result) -> result.complete(List.of(in)), 0, 1, true,
                        null, Types.INT), AsyncWaitOperator.class,
                new IntervalJoinDescription<>(0, 10, true, false, null, null, Types.INT, Types.INT, new Join()),
                IntervalJoinOperator.class,
                new BroadcastProcessDescription<>(new Broadcast(), BROADCAST_STATES),
                CoBroadcastWithNonKeyedOperator.class,
                new KeyedBroadcastProcessDescription<>(new KeyedBroadcast(), BROADCAST_STATES),
                CoBroadcastWithKeyedOperator.class,
                new GroupedReduceDescription<Integer>(Integer::sum, Types.INT), StreamGroupedReduceOperator.class,
                new TimestampsAndWatermarksDescription<>(WatermarkStrategy.<Integer>forMonotonousTimestamps()),
                TimestampsAndWatermarksOperator.class);
    }

    @Test
    void everyKindOfDescriptionHasASample() {
        Set<Class<?>> kinds = new HashSet<>(Arrays.asList(OperatorDescription.class.getPermittedSubclasses()));
        Set<Class<?>> sampled = new HashSet<>();
        samples().keySet().forEach(d -> sampled.add(d.getClass()));
        sampled.add(OperatorInstance.class);
        assertEquals(kinds, sampled);
    }

    @Test
    void eachDescriptionBuildsANewOperatorOfItsClass() {
        samples().forEach((description, operatorClass) -> {
            StreamOperator<?> first = BuiltInOperators.create(description);
            assertEquals(operatorClass, first.getClass(), description.getClass().getSimpleName());
            assertNotSame(first, BuiltInOperators.create(description), "a fresh operator per call");
        });
    }

    @Test
    void anOperatorInstanceIsRunAsItIs() {
        StreamMap<Integer, Integer> map = new StreamMap<>(x -> x + 1);
        assertSame(map, BuiltInOperators.create(new OperatorInstance(map)));
    }

    @Test
    void aWindowWithAnEvictorGetsTheEvictingOperator() {
        WindowOperatorBuilder<Integer, Integer, TimeWindow> builder = window();
        builder.evictor(CountEvictor.of(2));
        WindowOperatorDescription<Integer, Integer, Integer, TimeWindow> description = builder.reduce(Integer::sum);
        assertEquals(EvictingWindowOperator.class, BuiltInOperators.create(description).getClass());
    }

    @Test
    void asyncIoStartsAChainAsTheOperatorDid() {
        var description = new AsyncWaitDescription<Integer, Integer>((in, result) -> result.complete(List.of(in)), 0,
                1, false, null, Types.INT);
        assertEquals(ChainingStrategy.HEAD, description.chainingStrategy(), "what the transformation chains by");
        assertEquals(ChainingStrategy.HEAD, BuiltInOperators.create(description).getChainingStrategy());
    }

    private static WindowOperatorBuilder<Integer, Integer, TimeWindow> window() {
        return new WindowOperatorBuilder<>(TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                EventTimeTrigger.create(), new ExecutionConfig(), Types.INT);
    }

    private static final class Join extends ProcessJoinFunction<Integer, Integer, Integer> {
        @Override
        public void processElement(Integer left, Integer right, Context ctx, Collector<Integer> out) {
            out.collect(left + right);
        }
    }

    private static final class Broadcast extends BroadcastProcessFunction<Integer, String, Integer> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<Integer> out) {
            out.collect(value);
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<Integer> out) {}
    }

    private static final class KeyedBroadcast extends KeyedBroadcastProcessFunction<Integer, Integer, String, Integer> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<Integer> out) {
            out.collect(value);
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<Integer> out) {}
    }
}
