package io.weir.runtime.accumulators;

import io.weir.api.accumulators.Accumulator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The accumulators of a job: the latest copies each subtask reported, merged by name on request.
 *
 * <p>Threading: used by the JobMaster's main thread only.
 *
 * @param <S> what identifies a subtask (its execution attempt)
 */
public final class JobAccumulators<S> {
    /** The merged values by name; {@code failures} names the accumulators that could not be merged, and why. */
    public record Merged(Map<String, Object> results, Map<String, String> failures) {
        /** The results, or a failure naming the accumulators whose types conflict. */
        public CompletableFuture<Map<String, Object>> toFuture() {
            if (!failures.isEmpty()) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException(
                        String.join(" ", failures.values())));
            }
            return CompletableFuture.completedFuture(results);
        }
    }

    private final Map<S, Map<String, Accumulator<?, ?>>> latest = new LinkedHashMap<>();
    private final java.util.function.Function<S, String> describe;

    /** {@code describe} names a subtask in error messages. */
    public JobAccumulators(java.util.function.Function<S, String> describe) {
        this.describe = describe;
    }

    /** A subtask reported copies of its accumulators; they replace its earlier report. */
    public void update(S subtask, Map<String, Accumulator<?, ?>> accumulators) {
        latest.put(subtask, accumulators);
    }

    /** Merges the latest report of every subtask. The reports are not changed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Merged merge() {
        Map<String, Accumulator> merged = new TreeMap<>();
        Map<String, S> firstOwner = new LinkedHashMap<>();
        Map<String, String> failures = new TreeMap<>();
        for (Map.Entry<S, Map<String, Accumulator<?, ?>>> report : latest.entrySet()) {
            for (Map.Entry<String, Accumulator<?, ?>> e : report.getValue().entrySet()) {
                String name = e.getKey();
                if (failures.containsKey(name)) {
                    continue;
                }
                Accumulator target = merged.get(name);
                if (target == null) {
                    merged.put(name, e.getValue().clone());
                    firstOwner.put(name, report.getKey());
                } else if (target.getClass() != e.getValue().getClass()) {
                    failures.put(name, "Accumulator '" + name + "' has different types in different subtasks: "
                            + describe.apply(firstOwner.get(name)) + " registered a " + target.getClass().getName()
                            + ", " + describe.apply(report.getKey()) + " a " + e.getValue().getClass().getName()
                            + ", which cannot be merged. Use one accumulator type per name in the whole job.");
                    merged.remove(name);
                } else {
                    target.merge(e.getValue());
                }
            }
        }
        Map<String, Object> results = new TreeMap<>();
        merged.forEach((name, accumulator) -> results.put(name, accumulator.getLocalValue()));
        return new Merged(results, failures);
    }
}
