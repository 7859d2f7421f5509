package io.weir.runtime.jobmaster;

import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.resourcemanager.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slots a job lost with their TaskManagers, each with the tasks that ran in it, until the next
 * attempt gets one replacement slot per lost slot: the tasks that shared a lost slot share its
 * replacement. A staged (BATCH) job also loses the slots it held for stages not deployed yet, with
 * no tasks.
 *
 * <p>Threading: used on the JobMaster's main thread only.
 */
final class LostSlots {
    /** A lost slot and the tasks that ran in it (none for a slot a staged job had not used yet). */
    record Lost(Slot slot, List<TaskKey> tasks) {}

    private final Map<Slot, List<TaskKey>> lost = new LinkedHashMap<>();

    /** {@code task} ran in {@code slot}, which was lost. */
    void add(Slot slot, TaskKey task) {
        lost.computeIfAbsent(slot, s -> new ArrayList<>()).add(task);
    }

    /** {@code slot}, held by the job, was lost (with tasks or without). */
    void add(Slot slot) {
        lost.putIfAbsent(slot, new ArrayList<>());
    }

    boolean isEmpty() {
        return lost.isEmpty();
    }

    /** The lost slots in the order they were lost, forgotten here: the caller asks for their replacements. */
    List<Lost> takeAll() {
        List<Lost> taken = new ArrayList<>();
        lost.forEach((slot, tasks) -> taken.add(new Lost(slot, List.copyOf(tasks))));
        lost.clear();
        return taken;
    }

    /** No replacements came for {@code taken}: they stay lost, for the next attempt. */
    void putBack(List<Lost> taken) {
        for (Lost l : taken) {
            l.tasks().forEach(task -> add(l.slot(), task));
            add(l.slot());
        }
    }
}
