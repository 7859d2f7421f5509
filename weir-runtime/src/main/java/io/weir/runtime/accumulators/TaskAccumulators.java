package io.weir.runtime.accumulators;

import io.weir.api.accumulators.Accumulator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accumulators of one subtask, shared by the operators of its chain (a name is registered once
 * per subtask), and the copies of them the task reports to the JobMaster.
 *
 * <h2>Threading</h2>
 * An accumulator is changed by the thread that calls its function. For an operator that is the
 * task's thread, or, in a task whose head runs a source function, also the source thread, which
 * holds the task's checkpoint lock while it runs the chain, as the task's thread does while it
 * reports: the task's thread can copy those itself. A source function's own accumulators are
 * changed in its {@code run}, outside any lock, so their copies must be taken on the source thread.
 * {@link #copies()} runs on the task's thread and copies the operators' accumulators itself; for
 * those of a running source function it uses the copies
 * the source thread last published with {@link #publishSourceCopies()}. Once the source thread has
 * ended ({@link #sourceThreadEnded()}, a volatile write after its last change), the task's thread
 * copies those too. Registration may come from either thread, so the registry is concurrent.
 */
public final class TaskAccumulators {
    private record Entry(Accumulator<?, ?> accumulator, boolean changedBySourceThread) {}

    private final String taskName;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean sourceThreadRunning;
    private volatile Map<String, Accumulator<?, ?>> sourceCopies = Map.of();

    public TaskAccumulators(String taskName) {
        this.taskName = taskName;
    }

    /**
     * Registers an accumulator; {@code changedBySourceThread} for those of a source function.
     *
     * @throws UnsupportedOperationException if the name is taken in this subtask
     */
    public void add(String name, Accumulator<?, ?> accumulator, boolean changedBySourceThread) {
        Entry previous = entries.putIfAbsent(name, new Entry(accumulator, changedBySourceThread));
        if (previous != null) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists in task '"
                    + taskName + "' and cannot be added again. A name can be registered once per subtask, and the "
                    + "operators chained into one task share the names: use another name, or getAccumulator(name) "
                    + "to use the registered one.");
        }
    }

    /** The accumulator registered under {@code name}, or {@code null}. */
    public Accumulator<?, ?> get(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.accumulator();
    }

    /** The source function's thread starts changing its accumulators. */
    public void sourceThreadStarted() {
        sourceThreadRunning = true;
    }

    /** The source function's thread has made its last change. */
    public void sourceThreadEnded() {
        sourceThreadRunning = false;
    }

    /** Called on the source function's thread: publishes copies of the accumulators it changes. */
    public void publishSourceCopies() {
        Map<String, Accumulator<?, ?>> copies = new HashMap<>();
        entries.forEach((name, e) -> {
            if (e.changedBySourceThread()) {
                copies.put(name, e.accumulator().clone());
            }
        });
        sourceCopies = copies;
    }

    /** Called on the task's thread: independent copies of all accumulators, by name. */
    public Map<String, Accumulator<?, ?>> copies() {
        boolean sourceRunning = sourceThreadRunning;
        Map<String, Accumulator<?, ?>> published = sourceCopies;
        Map<String, Accumulator<?, ?>> copies = new HashMap<>();
        entries.forEach((name, e) -> {
            if (e.changedBySourceThread() && sourceRunning) {
                Accumulator<?, ?> copy = published.get(name);
                if (copy != null) {
                    copies.put(name, copy);
                }
            } else {
                copies.put(name, e.accumulator().clone());
            }
        });
        return copies;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
