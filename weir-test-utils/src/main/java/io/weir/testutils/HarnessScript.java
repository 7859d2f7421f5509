package io.weir.testutils;

import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The inputs of an operator test, written once and replayed against fresh harnesses in the
 * adversarial modes: an operator must emit the same whether its input arrives one element at a
 * time or in one batch, and whether or not it is snapshotted and restored into a fresh instance
 * between every two inputs. {@link #verify} runs every mode and fails on the first difference.
 *
 * <pre>{@code
 * OneInputScript<Long, Long> script = new OneInputScript<Long, Long>()
 *         .element(1L, 10).element(2L, 20).watermark(30).processingTime(100);
 * List<Object> output = script.verify(() -> new KeyedOneInputStreamOperatorTestHarness<>(
 *         new KeyedProcessOperator<>(new MyFunction()), x -> x % 2, Types.LONG));
 * }</pre>
 *
 * <p>The harness supplier must make a new operator instance every time. Output is compared as
 * records (value and timestamp) and watermarks, in order; a watermark that does not advance is
 * left out, because a restored operator sees the last watermark again (as it would from its
 * sources after a real restore) and forwards it once more.
 *
 * @param <H> the kind of harness the inputs are fed to
 */
public abstract class HarnessScript<H extends AbstractStreamOperatorTestHarness<?>> {
    /** How the inputs reach the operator. */
    public enum Mode {
        /** Each element, then the mail it caused (async results, callbacks); the reference run. */
        ONE_BY_ONE,
        /** Consecutive elements in one batch; the mail runs only before the next watermark or time step. */
        ALL_AT_ONCE,
        /** As {@link #ONE_BY_ONE}, and after every input a snapshot restored into a fresh operator and harness. */
        RESTORE_BETWEEN_INPUTS
    }

    /** What one input does to the harness. */
    @FunctionalInterface
    public interface Input<H> {
        void feed(H harness) throws Exception;
    }

    private enum Kind { ELEMENT, WATERMARK, TIME, ACTION, END }

    private record Step<H>(Kind kind, int input, Input<H> action, long time) {}

    private final List<Step<H>> steps = new ArrayList<>();

    private void add(Kind kind, int input, Input<H> action, long time) {
        steps.add(new Step<>(kind, input, action, time));
    }

    protected final void addElement(int input, Input<H> action) {
        add(Kind.ELEMENT, input, action, 0);
    }

    protected final void addWatermark(int input, Input<H> action) {
        add(Kind.WATERMARK, input, action, 0);
    }

    protected final void addProcessingTime(long time) {
        add(Kind.TIME, 0, h -> h.setProcessingTime(time), time);
    }

    /** Any other step, such as completing calls of an async function; the mail runs before it. */
    protected final void addAction(Input<H> action) {
        add(Kind.ACTION, 0, action, 0);
    }

    protected final void addEnd(Input<H> action) {
        add(Kind.END, 0, action, 0);
    }

    /**
     * Runs the inputs in every {@link Mode} and asserts that all emit what {@link Mode#ONE_BY_ONE}
     * emits.
     *
     * @return the output of the reference run (records and advancing watermarks)
     * @throws AssertionError naming the mode and the first output that differs
     */
    public List<Object> verify(Supplier<? extends H> harnesses) throws Exception {
        List<Object> expected = run(Mode.ONE_BY_ONE, harnesses);
        for (Mode mode : new Mode[] {Mode.ALL_AT_ONCE, Mode.RESTORE_BETWEEN_INPUTS}) {
            List<Object> actual = run(mode, harnesses);
            if (!expected.equals(actual)) {
                throw new AssertionError("Mode " + mode + " emitted other output than " + Mode.ONE_BY_ONE + " "
                        + firstDifference(expected, actual) + "\n  " + Mode.ONE_BY_ONE + ": " + expected + "\n  " + mode
                        + ": " + actual);
            }
        }
        return expected;
    }

    /** Runs the inputs in one mode and returns what the operator emitted (records and advancing watermarks). */
    public List<Object> run(Mode mode, Supplier<? extends H> harnesses) throws Exception {
        List<Object> output = new ArrayList<>();
        H harness = harnesses.get();
        harness.open();
        long now = 0;
        Map<Integer, Step<H>> lastWatermarks = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step<H> step = steps.get(i);
            boolean batch = mode == Mode.ALL_AT_ONCE && step.kind() == Kind.ELEMENT;
            if (!batch) {
                harness.runMailbox();
            }
            harness.setDeferMailbox(batch);
            step.action().feed(harness);
            harness.setDeferMailbox(false);
            if (step.kind() == Kind.TIME) {
                now = step.time();
            } else if (step.kind() == Kind.WATERMARK) {
                lastWatermarks.put(step.input(), step);
            }
            boolean last = i == steps.size() - 1 || step.kind() == Kind.END;
            if (mode == Mode.RESTORE_BETWEEN_INPUTS && !last) {
                harness = restore(harness, harnesses, i + 1L, now, lastWatermarks, output);
            }
        }
        harness.runMailbox();
        collect(harness, output);
        harness.close();
        return withoutRepeatedWatermarks(output);
    }

    private H restore(H old, Supplier<? extends H> harnesses, long checkpointId, long now,
            Map<Integer, Step<H>> lastWatermarks, List<Object> output) throws Exception {
        old.runMailbox();
        OperatorSubtaskState state = old.snapshot(checkpointId, checkpointId);
        collect(old, output);
        old.close();
        H fresh = harnesses.get();
        fresh.getProcessingTimeService().setCurrentTime(now);
        fresh.initializeState(state);
        fresh.open();
        for (Step<H> watermark : lastWatermarks.values()) {
            watermark.action().feed(fresh); // what the sources would send again after a restore
        }
        return fresh;
    }

    private static void collect(AbstractStreamOperatorTestHarness<?> harness, List<Object> output) {
        for (Object element : harness.getOutput()) {
            if (element instanceof StreamRecord || element instanceof Watermark) {
                output.add(element);
            }
        }
        harness.getOutput().clear();
    }

    private static List<Object> withoutRepeatedWatermarks(List<Object> output) {
        List<Object> result = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Object element : output) {
            if (element instanceof Watermark w) {
                if (w.getTimestamp() <= watermark) {
                    continue;
                }
                watermark = w.getTimestamp();
            }
            result.add(element);
        }
        return result;
    }

    private static String firstDifference(List<Object> expected, List<Object> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "at position " + i + ": expected " + expected.get(i) + " but was " + actual.get(i) + ".";
            }
        }
        return "in length: " + expected.size() + " elements expected, " + actual.size() + " emitted.";
    }
}
