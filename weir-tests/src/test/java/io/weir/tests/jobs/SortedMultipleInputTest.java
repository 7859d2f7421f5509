package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.Input;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Triggerable;
import io.weir.api.operators.Watermark;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.transformations.KeyedMultipleInputTransformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A keyed three-input operator in BATCH mode (Flink's sorted multiple inputs): all three inputs go
 * through one sort, so the operator sees every record of one key, from all inputs, before the next
 * key; the key's event-time timer fires when its records are done (before the next key), its state
 * is then gone; the final watermark and each input's end come after the last key.
 */
@Timeout(120)
class SortedMultipleInputTest {
    private static final int KEYS = 7;
    private static final int LONGS = 3_000;
    private static final int STRINGS = 500;
    private static final int INTS = 300;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /**
     * Counts each key's records of all inputs in keyed state and emits "key:count" from the key's
     * event-time timer; fails the job if a key comes back after another, if a key starts before the
     * previous key's timer fired, or if the final watermark or an input's end comes too early.
     */
    static final class CountPerKey extends AbstractStreamOperatorV2<String>
            implements MultipleInputStreamOperator<String>, Triggerable<Integer, VoidNamespace>, BoundedMultiInput {
        private final InternalTimerService<VoidNamespace> timers;
        private final Set<Integer> seenKeys = new HashSet<>();
        private transient ValueState<Long> count;
        private Integer currentKey;
        private boolean timerPending;
        private boolean finalWatermark;
        private int endedInputs;

        CountPerKey(StreamOperatorParameters<String> parameters) {
            super(parameters, 3);
            timers = getInternalTimerService("end of key", VoidNamespaceSerializer.INSTANCE, this);
        }

        @Override
        public void open() {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            return List.of(new Counting<Long>(this, 1), new Counting<String>(this, 2), new Counting<Integer>(this, 3));
        }

        private void count() throws Exception {
            Integer key = (Integer) getCurrentKey();
            if (!key.equals(currentKey)) {
                if (timerPending) {
                    throw new IllegalStateException("key " + key + " started before key " + currentKey + "'s timer fired");
                }
                if (!seenKeys.add(key)) {
                    throw new IllegalStateException("key " + key + " came back after key " + currentKey);
                }
                if (count.value() != null) {
                    throw new IllegalStateException("key " + key + " starts with state " + count.value());
                }
                currentKey = key;
            }
            count.update(count.value() == null ? 1 : count.value() + 1);
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 100);
            timerPending = true;
        }

        @Override
        public void onEventTime(InternalTimer<Integer, VoidNamespace> timer) throws Exception {
            if (!timer.getKey().equals(currentKey) || finalWatermark) {
                throw new IllegalStateException("timer of key " + timer.getKey() + " fired while key " + currentKey
                        + " is current" + (finalWatermark ? ", after the final watermark" : ""));
            }
            timerPending = false;
            output.collect(new StreamRecord<>(timer.getKey() + ":" + count.value()));
        }

        @Override
        public void onProcessingTime(InternalTimer<Integer, VoidNamespace> timer) {
            throw new IllegalStateException("no processing-time timers were registered");
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            if (mark.getTimestamp() != Long.MAX_VALUE || timerPending || endedInputs > 0) {
                throw new IllegalStateException("watermark " + mark.getTimestamp() + " before the last key's end"
                        + " or after an input ended: BATCH has only the final watermark, after all keys");
            }
            finalWatermark = true;
            super.processWatermark(mark);
        }

        @Override
        public void endInput(int inputId) {
            if (!finalWatermark && !seenKeys.isEmpty()) {
                throw new IllegalStateException("input " + inputId + " ended before the final watermark");
            }
            endedInputs++;
            output.collect(new StreamRecord<>("end:" + inputId));
        }

        private final class Counting<T> extends AbstractInput<T, String> {
            Counting(AbstractStreamOperatorV2<String> owner, int inputId) {
                super(owner, inputId);
            }

            @Override
            public void processElement(StreamRecord<T> element) throws Exception {
                count();
            }
        }

        static final class Factory extends AbstractStreamOperatorFactory<String> {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends StreamOperator<String>> T createStreamOperator(StreamOperatorParameters<String> parameters) {
                return (T) new CountPerKey(parameters);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void eachKeyOfAllInputsReachesTheOperatorTogetherAndItsTimerFiresAtItsEnd(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        KeyedMultipleInputTransformation<String> transform = new KeyedMultipleInputTransformation<>(
                "count per key", new CountPerKey.Factory(), Types.STRING, parallelism, Types.INT);
        // ascending values: each input's keys come interleaved 0, 1, ..., 6, 0, 1, ...
        KeyedStream<Long, Integer> longs = env.fromSequence(0, LONGS - 1).keyBy(v -> (int) (v % KEYS));
        KeyedStream<String, Integer> strings = env.fromData(IntStream.range(0, STRINGS).mapToObj(String::valueOf)
                .toList()).keyBy(s -> Integer.parseInt(s) % KEYS);
        KeyedStream<Integer, Integer> ints = env.fromData(IntStream.range(0, INTS).boxed().toList())
                .keyBy(i -> i % KEYS);
        transform.addInput(longs.getTransformation(), longs.getKeySelector());
        transform.addInput(strings.getTransformation(), strings.getKeySelector());
        transform.addInput(ints.getTransformation(), ints.getKeySelector());
        env.addOperator(transform);
        List<String> result = new MultipleConnectedStreams(env).transform(transform).executeAndCollect(10_000);

        List<String> expected = new ArrayList<>();
        for (int key = 0; key < KEYS; key++) {
            int k = key;
            long count = IntStream.range(0, LONGS).filter(v -> v % KEYS == k).count()
                    + IntStream.range(0, STRINGS).filter(v -> v % KEYS == k).count()
                    + IntStream.range(0, INTS).filter(v -> v % KEYS == k).count();
            expected.add(key + ":" + count);
        }
        for (int subtask = 0; subtask < parallelism; subtask++) {
            expected.addAll(List.of("end:1", "end:2", "end:3"));
        }
        assertEquals(expected.stream().sorted().toList(), result.stream().sorted().toList(),
                "one count per key with all its records of the three inputs, and each input's end per subtask");
    }
}
