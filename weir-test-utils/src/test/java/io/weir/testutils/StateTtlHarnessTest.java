package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State TTL runs on the harness's manual processing-time clock. */
class StateTtlHarnessTest {
    /** Emits the previous value of the key (or "none") and stores the new one, with a 100 ms TTL. */
    static final class Previous extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<String> last;

        @Override
        public void open(OpenContext context) {
            ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("last", Types.STRING);
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
            last = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            String previous = last.value();
            out.collect(previous == null ? "none" : previous);
            last.update(value);
        }
    }

    @Test
    void valuesExpireWhenTheManualClockPassesTheTtl() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Previous(), s -> s.substring(0, 1),
                Types.STRING)) {
            harness.processElement("a1", 0L);
            harness.setProcessingTime(99);
            harness.processElement("a2", 0L);
            harness.setProcessingTime(198);
            harness.processElement("a3", 0L);
            harness.setProcessingTime(298);
            harness.processElement("a4", 0L);
            assertEquals(List.of("none", "a1", "a2", "none"), harness.extractOutputValues());
        }
    }
}
