package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.transformations.MultipleInputTransformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import io.weir.testutils.MultipleInputStreamOperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A three-input operator ({@code MultipleInputStreamOperator} on {@code AbstractStreamOperatorV2}):
 * run by the operator harness for its event time and end of input, and on the MiniCluster, where
 * each input's elements must reach that input's {@link Input} and each input end once per subtask.
 */
@Timeout(60)
class MultipleInputOperatorTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Emits "input:value" for each element, and "end:input:count" when an input ends. */
    static final class TagInputs extends AbstractStreamOperatorV2<String>
            implements MultipleInputStreamOperator<String>, BoundedMultiInput {
        private final long[] counts = new long[4];
        private boolean finished;

        TagInputs(StreamOperatorParameters<String> parameters) {
            super(parameters, 3);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            return List.of(new Tag<Long>(this, 1, Long.class), new Tag<String>(this, 2, String.class),
                    new Tag<Integer>(this, 3, Integer.class));
        }

        @Override
        public void endInput(int inputId) {
            if (finished || counts[inputId] < 0) {
                throw new IllegalStateException("input " + inputId + " ended twice or after finish()");
            }
            output.collect(new StreamRecord<>("end:" + inputId + ":" + counts[inputId]));
            counts[inputId] = -1;
        }

        @Override
        public void finish() {
            for (int input = 1; input <= 3; input++) {
                if (counts[input] >= 0) {
                    throw new IllegalStateException("finish() before input " + input + " ended");
                }
            }
            finished = true;
        }

        private final class Tag<T> extends AbstractInput<T, String> {
            private final Class<T> type;

            Tag(AbstractStreamOperatorV2<String> owner, int inputId, Class<T> type) {
                super(owner, inputId);
                this.type = type;
            }

            @Override
            public void processElement(StreamRecord<T> element) {
                // a cast, not a check of our own: an element of another input fails here
                T value = type.cast(element.getValue());
                counts[inputId]++;
                output.collect(new StreamRecord<>(inputId + ":" + value, element.getTimestamp()));
            }
        }
    }

    static final class TagInputsFactory extends AbstractStreamOperatorFactory<String> {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<String>> T createStreamOperator(StreamOperatorParameters<String> parameters) {
            return (T) new TagInputs(parameters);
        }
    }

    private static List<Object> watermarksAndStatuses(MultipleInputStreamOperatorTestHarness<String> harness) {
        List<Object> out = new ArrayList<>();
        for (Object o : harness.getOutput()) {
            if (o instanceof Watermark w) {
                out.add(w.getTimestamp());
            } else if (o instanceof WatermarkStatus s) {
                out.add(s.isIdle() ? "IDLE" : "ACTIVE");
            }
        }
        return out;
    }

    @Test
    void theWatermarkIsTheMinimumOfTheInputs() throws Exception {
        try (var harness = new MultipleInputStreamOperatorTestHarness<>(new TagInputsFactory(), 3)) {
            harness.open();
            harness.processWatermark(1, 10);
            harness.processWatermark(2, 20);
            assertEquals(List.of(), watermarksAndStatuses(harness), "input 3 has sent no watermark yet");
            harness.processWatermark(3, 5);
            harness.processWatermark(3, 30);
            harness.processWatermark(1, 25);
            harness.processWatermark(2, 40);
            assertEquals(List.of(5L, 10L, 20L, 25L), watermarksAndStatuses(harness));
        }
    }

    @Test
    void anIdleInputDoesNotHoldTheWatermarkBack() throws Exception {
        try (var harness = new MultipleInputStreamOperatorTestHarness<>(new TagInputsFactory(), 3)) {
            harness.open();
            harness.processWatermarkStatus(2, WatermarkStatus.IDLE);
            harness.processWatermark(1, 10);
            harness.processWatermark(3, 15);
            assertEquals(List.of(10L), watermarksAndStatuses(harness), "idle input 2 holds nothing back");
            harness.processWatermarkStatus(1, WatermarkStatus.IDLE);
            harness.processWatermarkStatus(3, WatermarkStatus.IDLE);
            assertEquals(List.of(10L, 15L, "IDLE"), watermarksAndStatuses(harness),
                    "all idle: as far as the furthest input got, then idle");
            harness.processWatermarkStatus(2, WatermarkStatus.ACTIVE);
            harness.processWatermark(2, 12);
            harness.processWatermark(2, 17);
            assertEquals(List.of(10L, 15L, "IDLE", "ACTIVE", 17L), watermarksAndStatuses(harness),
                    "back from idleness behind the watermark: it does not move back");
        }
    }

    @Test
    void elementsReachTheirInputAndEachInputEnds() throws Exception {
        try (var harness = new MultipleInputStreamOperatorTestHarness<>(new TagInputsFactory(), 3)) {
            harness.open();
            harness.processElement(3, new StreamRecord<>(7, 1L));
            harness.processElement(1, new StreamRecord<>(8L, 2L));
            harness.processElement(2, new StreamRecord<>("x", 3L));
            harness.endInput(2);
            assertThrows(ClassCastException.class, () -> harness.processElement(1, new StreamRecord<>("not a long")));
            harness.endInput(3);
            harness.endInput(1);
            assertEquals(List.of("3:7", "1:8", "2:x", "end:2:1", "end:3:1", "end:1:1"), harness.extractOutputValues());
        }
    }

    private static DataStream<String> tagged(StreamExecutionEnvironment env, int parallelism) {
        MultipleInputTransformation<String> transform = new MultipleInputTransformation<>("tag inputs",
                new TagInputsFactory(), Types.STRING, parallelism);
        transform.addInput(env.fromSequence(1, 1000).getTransformation());
        transform.addInput(env.fromData("a", "b", "c").rebalance().getTransformation());
        transform.addInput(env.fromData(IntStream.range(0, 50).boxed().toList()).rebalance().getTransformation());
        env.addOperator(transform);
        return new MultipleConnectedStreams(env).transform(transform);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void onTheMiniClusterEachInputFeedsItsOwnInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> result = tagged(env, parallelism).map(s -> s).returns(Types.STRING) // chained after it
                .executeAndCollect(10_000);
        List<String> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 1000).forEach(v -> expected.add("1:" + v));
        List.of("a", "b", "c").forEach(v -> expected.add("2:" + v));
        IntStream.range(0, 50).forEach(v -> expected.add("3:" + v));
        List<String> elements = result.stream().filter(s -> !s.startsWith("end:")).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), elements);
        List<String> ends = result.stream().filter(s -> s.startsWith("end:")).toList();
        assertEquals(3 * parallelism, ends.size(), "each subtask ends each input once: " + ends);
        for (int input = 1; input <= 3; input++) {
            String prefix = "end:" + input + ":";
            long counted = ends.stream().filter(s -> s.startsWith(prefix))
                    .mapToLong(s -> Long.parseLong(s.substring(prefix.length()))).sum();
            assertEquals(new long[] {0, 1000, 3, 50}[input], counted, "ends of input " + input + ": " + ends);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void inBatchModeAnUnkeyedOperatorGetsEveryElementAndEachInputEnds(int parallelism) throws Exception {
        StreamExecutionEnvironment batch = CLUSTER.createEnvironment(parallelism);
        batch.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<String> result = tagged(batch, parallelism).executeAndCollect(10_000);
        assertEquals(1053 + 3 * parallelism, result.size(), "every element and each input's end per subtask");
        assertEquals(3 * parallelism, result.stream().filter(s -> s.startsWith("end:")).count());
    }
}
