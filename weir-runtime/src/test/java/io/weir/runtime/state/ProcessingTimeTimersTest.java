package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.Triggerable;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.SerializerConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the heap timer service fires processing-time timers through its {@link ProcessingTimeService}:
 * a callback that runs late fires every timer due by then, in timestamp order, and registers the
 * next callback only for a timer still in the future.
 */
class ProcessingTimeTimersTest {
    /** A clock the test sets, and the callbacks registered with it, which the test runs (playing the mailbox). */
    private static final class Clock implements ProcessingTimeService {
        long now;
        final List<Long> times = new ArrayList<>();
        final List<ProcessingTimeCallback> callbacks = new ArrayList<>();

        @Override
        public long getCurrentProcessingTime() {
            return now;
        }

        @Override
        public void registerTimer(long time, ProcessingTimeCallback callback) {
            times.add(time);
            callbacks.add(callback);
        }
    }

    private final Clock clock = new Clock();
    private final HeapKeyedStateBackend<String> backend =
            new HeapKeyedStateBackend<>("op", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(), null);
    private final List<String> fired = new ArrayList<>();
    private final InternalTimerService<VoidNamespace> timers = new HeapTimerServices<>(backend, clock)
            .getInternalTimerService("timers", VoidNamespaceSerializer.INSTANCE, new Triggerable<String, VoidNamespace>() {
                @Override
                public void onEventTime(InternalTimer<String, VoidNamespace> timer) {
                    fired.add("event " + timer.getKey() + "@" + timer.getTimestamp());
                }

                @Override
                public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
                    fired.add(backend.getCurrentKey() + "@" + timer.getTimestamp());
                }
            });

    private void register(String key, long time) {
        backend.setCurrentKey(key);
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Test
    void aLateCallbackFiresEveryTimerDueByNowInOneTurn() throws Exception {
        clock.now = 1_000;
        register("a", 100); // in the past: the only callback, for the earliest timer
        register("b", 300);
        register("c", 200);
        register("d", 2_000); // not due when the callback runs
        assertEquals(List.of(100L), clock.times);

        clock.callbacks.get(0).onProcessingTime(100);

        assertEquals(List.of("a@100", "c@200", "b@300"), fired);
        assertEquals(List.of(100L, 2_000L), clock.times, "the next callback is for the first timer not yet due");
        clock.now = 2_000;
        clock.callbacks.get(1).onProcessingTime(2_000);
        assertEquals(List.of("a@100", "c@200", "b@300", "d@2000"), fired);
        assertEquals(2, clock.times.size());
    }

    @Test
    void aCallbackOnTimeFiresOnlyWhatIsDue() throws Exception {
        clock.now = 0;
        register("a", 100);
        register("b", 101);
        clock.now = 100;
        clock.callbacks.get(0).onProcessingTime(100);
        assertEquals(List.of("a@100"), fired);
        assertEquals(List.of(100L, 101L), clock.times);
    }

    @Test
    void aCallbackWhoseTimerWasDeletedFiresTheOthersDueByNow() throws Exception {
        clock.now = 0;
        register("a", 100);
        register("b", 150);
        backend.setCurrentKey("a");
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, 100);
        clock.now = 160;
        clock.callbacks.get(0).onProcessingTime(100);
        assertEquals(List.of("b@150"), fired);
        assertEquals(List.of(100L), clock.times, "no timer is left, so no callback is registered");
    }
}
