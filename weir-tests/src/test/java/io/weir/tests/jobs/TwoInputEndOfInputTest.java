package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A two-input operator on the MiniCluster learns when each of its inputs has ended. */
class TwoInputEndOfInputTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Counts each input's elements and reports the count when that input ends: "input:count". */
    static final class CountUntilEnd extends AbstractStreamOperator<String>
            implements TwoInputStreamOperator<Long, String, String>, BoundedMultiInput {
        private transient long[] counts;
        private transient boolean finished;

        @Override
        public void open() {
            counts = new long[3];
        }

        @Override
        public void processElement1(StreamRecord<Long> element) {
            counts[1]++;
        }

        @Override
        public void processElement2(StreamRecord<String> element) {
            counts[2]++;
        }

        @Override
        public void endInput(int inputId) {
            if (finished || counts[inputId] < 0) {
                throw new IllegalStateException("input " + inputId + " ended twice or after finish()");
            }
            output.collect(new StreamRecord<>(inputId + ":" + counts[inputId]));
            counts[inputId] = -1;
        }

        @Override
        public void finish() {
            finished = true;
            for (int input = 1; input <= 2; input++) {
                if (counts[input] >= 0) {
                    throw new IllegalStateException("finish() before input " + input + " ended");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void eachInputEndsOnceBeforeFinish(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> result = env.fromSequence(1, 100)
                .connect(env.fromData("a", "b", "c").rebalance())
                .transform("Count until end", Types.STRING, new CountUntilEnd())
                .executeAndCollect(100);
        long first = 0;
        long second = 0;
        for (String line : result) {
            long count = Long.parseLong(line.substring(2));
            if (line.startsWith("1:")) {
                first += count;
            } else {
                second += count;
            }
        }
        assertEquals(2 * parallelism, result.size(), "each subtask reports the end of each input once: " + result);
        assertEquals(100, first);
        assertEquals(3, second);
    }
}
