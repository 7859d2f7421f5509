package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.connector.source.lib.NumberSequenceSplit;
import io.weir.api.connector.source.lib.NumberSequenceSplitSerializer;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.transformations.MultipleInputTransformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FLIP-27 sources chained into a multiple-input operator ({@code HEAD_WITH_SOURCES}) on the
 * MiniCluster: their records reach the operator's inputs, its watermark is the minimum over all
 * inputs (chained and from the network) so no element is late, each input ends once, and an idle
 * chained source does not hold the watermark back.
 */
@Timeout(120)
class ChainedSourcesTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Completed by {@link Recorder} once its watermark reached its {@code releaseAt}; ends {@link IdleSource}. */
    static volatile CompletableFuture<Void> idleCanEnd = new CompletableFuture<>();

    @BeforeEach
    void reset() {
        idleCanEnd = new CompletableFuture<>();
    }

    /**
     * Emits "input:value" per element, "late:input:value" for an element at or behind the operator's
     * watermark, "wm:t" per watermark, "released" when the watermark reaches {@code releaseAt} (and
     * completes {@link #idleCanEnd}), and "end:input:count" when an input ends.
     */
    static final class Recorder extends AbstractStreamOperatorV2<String>
            implements MultipleInputStreamOperator<String>, BoundedMultiInput {
        private final long releaseAt;
        private final long[] counts;
        private boolean released;

        Recorder(StreamOperatorParameters<String> parameters, int inputs, long releaseAt) {
            super(parameters, inputs);
            this.counts = new long[inputs + 1];
            this.releaseAt = releaseAt;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            List<Input> inputs = new ArrayList<>();
            for (int input = 1; input < counts.length; input++) {
                inputs.add(new Record(this, input));
            }
            return inputs;
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            output.collect(new StreamRecord<>("wm:" + mark.getTimestamp()));
            if (!released && mark.getTimestamp() >= releaseAt) {
                released = true;
                output.collect(new StreamRecord<>("released"));
                idleCanEnd.complete(null);
            }
            super.processWatermark(mark);
        }

        @Override
        public void endInput(int inputId) {
            output.collect(new StreamRecord<>("end:" + inputId + ":" + counts[inputId]));
        }

        private final class Record extends AbstractInput<Object, String> {
            Record(AbstractStreamOperatorV2<String> owner, int inputId) {
                super(owner, inputId);
            }

            @Override
            public void processElement(StreamRecord<Object> element) {
                counts[inputId]++;
                String value = inputId + ":" + element.getValue();
                if (element.hasTimestamp() && element.getTimestamp() <= getCurrentWatermark()) {
                    value = "late:" + value;
                }
                output.collect(new StreamRecord<>(value));
            }
        }
    }

    static final class RecorderFactory extends AbstractStreamOperatorFactory<String> {
        private final int inputs;
        private final long releaseAt;

        RecorderFactory(int inputs, long releaseAt) {
            this.inputs = inputs;
            this.releaseAt = releaseAt;
            setChainingStrategy(ChainingStrategy.HEAD_WITH_SOURCES);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<String>> T createStreamOperator(StreamOperatorParameters<String> parameters) {
            return (T) new Recorder(parameters, inputs, releaseAt);
        }
    }

    private static DataStream<String> recorded(StreamExecutionEnvironment env, int parallelism, long releaseAt,
            DataStream<?>... inputs) {
        MultipleInputTransformation<String> transform = new MultipleInputTransformation<>("recorder",
                new RecorderFactory(inputs.length, releaseAt), Types.STRING, parallelism);
        for (DataStream<?> input : inputs) {
            transform.addInput(input.getTransformation());
        }
        env.addOperator(transform);
        return new MultipleConnectedStreams(env).transform(transform);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void twoChainedSourcesAndANetworkInputDeliverEveryRecordInEventTimeAndEndOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        DataStream<Long> longs = env.fromSource(new NumberSequenceSource(1, 3_000),
                WatermarkStrategy.<Long>forGenerator(context -> new AfterEveryElement<>())
                        .withTimestampAssigner((v, ts) -> v), "longs");
        DataStream<String> strings = env.fromSource(
                new DataGeneratorSource<>(i -> "s" + (i + 1), 2_000, Types.STRING),
                WatermarkStrategy.<String>forGenerator(context -> new AfterEveryElement<>())
                        .withTimestampAssigner((v, ts) -> Long.parseLong(v.substring(1))), "strings");
        DataStream<Long> network = env.fromSource(new NumberSequenceSource(1, 500),
                WatermarkStrategy.<Long>forGenerator(context -> new AfterEveryElement<>())
                        .withTimestampAssigner((v, ts) -> v * 4), "network")
                .setParallelism(1).rebalance();
        List<String> result = recorded(env, parallelism, Long.MAX_VALUE, longs, strings, network)
                .executeAndCollect(100_000);

        List<String> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 3_000).forEach(v -> expected.add("1:" + v));
        LongStream.rangeClosed(1, 2_000).forEach(v -> expected.add("2:s" + v));
        LongStream.rangeClosed(1, 500).forEach(v -> expected.add("3:" + v));
        List<String> elements = result.stream().filter(s -> s.matches("\\d:.*")).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), elements, "every record reached its input once");
        assertEquals(List.of(), result.stream().filter(s -> s.startsWith("late:")).toList(),
                "the watermark is the minimum over all inputs: no element is behind it");
        // every input sends watermarks below the maximum before it ends: the operator's first one is one of them
        assertTrue(result.stream().anyMatch(s -> s.startsWith("wm:") && !s.equals("wm:" + Long.MAX_VALUE)),
                "the sources' watermarks reached the operator before the end: " + result.size());
        assertEquals(parallelism, result.stream().filter(s -> s.equals("wm:" + Long.MAX_VALUE)).count(),
                "each subtask's event time ends once, after all its inputs did");
        long[] ended = new long[4];
        long ends = 0;
        for (String s : result) {
            if (s.startsWith("end:")) {
                String[] parts = s.split(":");
                ended[Integer.parseInt(parts[1])] += Long.parseLong(parts[2]);
                ends++;
            }
        }
        assertEquals(3L * parallelism, ends, "each subtask ends each input once");
        assertEquals(List.of(3_000L, 2_000L, 500L), List.of(ended[1], ended[2], ended[3]),
                "each input ended after its records");
        if (parallelism == 1) {
            List<Long> watermarks = result.stream().filter(s -> s.startsWith("wm:"))
                    .map(s -> Long.parseLong(s.substring(3))).toList();
            assertEquals(watermarks.stream().sorted().toList(), watermarks, "the watermark never moves back");
            int lastEnd = Math.max(result.indexOf("end:1:3000"), Math.max(result.indexOf("end:2:2000"),
                    result.indexOf("end:3:500")));
            assertTrue(result.indexOf("wm:" + Long.MAX_VALUE) < lastEnd,
                    "the operator's final watermark comes with its last input's end, not before: " + lastEnd);
        }
    }

    @Test
    void anIdleChainedSourceDoesNotHoldTheWatermarkBack() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(5);
        DataStream<Long> longs = env.fromSource(new NumberSequenceSource(1, 1_000),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "longs");
        // no records until the operator's watermark passed 500: only its idleness lets the watermark get there
        DataStream<Integer> idle = env.fromSource(new IdleSource(),
                WatermarkStrategy.<Integer>forMonotonousTimestamps().withIdleness(Duration.ofMillis(20)), "idle",
                Types.INT);
        List<String> result = recorded(env, 1, 500, longs, idle).executeAndCollect(100_000);
        assertEquals(1_000, result.stream().filter(s -> s.startsWith("1:")).count());
        assertTrue(result.indexOf("released") >= 0 && result.indexOf("released") < result.indexOf("end:2:0"),
                "the watermark passed 500 while the idle source was still running: " + result.subList(
                        Math.max(0, result.size() - 6), result.size()));
        assertEquals(List.of(), result.stream().filter(s -> s.startsWith("late:")).toList());
    }

    /** A watermark right after every element (its timestamp - 1): event time moves on without timers. */
    static final class AfterEveryElement<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new io.weir.api.eventtime.Watermark(eventTimestamp - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /**
     * A bounded source without records whose readers say "nothing available" until {@link #idleCanEnd}
     * completes, then end.
     */
    static final class IdleSource implements Source<Integer, NumberSequenceSplit, Collection<NumberSequenceSplit>> {
        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
                SplitEnumeratorContext<NumberSequenceSplit> context) {
            return new IteratorSourceEnumerator<>(context, List.of());
        }

        @Override
        public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
                SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
            return new IteratorSourceEnumerator<>(context, checkpoint);
        }

        @Override
        public SourceReader<Integer, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
            CompletableFuture<Void> canEnd = idleCanEnd;
            return new SourceReader<>() {
                @Override
                public void start() {}

                @Override
                public InputStatus pollNext(ReaderOutput<Integer> output) {
                    return canEnd.isDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    return canEnd;
                }

                @Override
                public void addSplits(List<NumberSequenceSplit> splits) {}

                @Override
                public void notifyNoMoreSplits() {}

                @Override
                public List<NumberSequenceSplit> snapshotState(long checkpointId) {
                    return List.of();
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
            return new NumberSequenceSplitSerializer();
        }

        @Override
        public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
            return new SplitCollectionSerializer<>(new NumberSequenceSplitSerializer());
        }
    }
}
