package io.weir.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.resourcemanager.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Feeds a staged job's events to its stage scheduler and checks what it deploys where. */
class StageSchedulerTest {
    private final List<TaskKey> deployed = new ArrayList<>();
    private final Map<TaskKey, Slot> slotOf = new HashMap<>();

    private static TaskKey t(int vertex, int subtask) {
        return new TaskKey(vertex, subtask);
    }

    private static Slot slot(String taskManager) {
        return new Slot(null, taskManager, 0);
    }

    private StageScheduler scheduler() throws Exception {
        return new StageScheduler(FinishedSubtasksTest.threeStages(), (task, slot) -> {
            deployed.add(task);
            slotOf.put(task, slot);
        });
    }

    /** The subtask of {@code vertex} deployed into a slot of {@code taskManager}. */
    private TaskKey on(int vertex, String taskManager) {
        return slotOf.entrySet().stream()
                .filter(e -> e.getKey().vertexId() == vertex && e.getValue().taskExecutorId().equals(taskManager))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void stagesRunOneAfterTheOtherInTheSameSlots() throws Exception {
        StageScheduler stages = scheduler();
        stages.setSlots(List.of(slot("tm-1"), slot("tm-2")));
        stages.start();
        assertEquals(Set.of(t(0, 0), t(0, 1)), Set.copyOf(deployed));
        stages.taskEnded(t(0, 0), true);
        assertEquals(2, deployed.size(), "the next stage waits for the whole stage before it");
        stages.taskEnded(t(0, 1), true);
        assertEquals(Set.of(t(1, 0), t(1, 1)), Set.copyOf(deployed.subList(2, 4)));
    }

    @Test
    void afterALostTaskManagerTheLostProducersRunAgainFirstAndTheirConsumersWaitForThem() throws Exception {
        StageScheduler stages = scheduler();
        Slot survivor = slot("tm-1");
        stages.setSlots(List.of(survivor, slot("tm-2")));
        stages.start();
        for (int vertex = 0; vertex < 2; vertex++) {
            stages.taskEnded(t(vertex, 0), true);
            stages.taskEnded(t(vertex, 1), true);
        }
        TaskKey lostSource = on(0, "tm-2");
        TaskKey lostMiddle = on(1, "tm-2");
        TaskKey lostSink = on(2, "tm-2");
        TaskKey survivingSink = on(2, "tm-1");
        assertEquals(6, deployed.size());

        // tm-2 is lost: its slot goes, its sink subtask failed, the middle and source results kept there run again
        assertEquals(List.of(slot("tm-2")), stages.slotsLost("tm-2"));
        stages.taskEnded(lostSink, false);
        stages.resultsLost(Set.of(lostSource, lostMiddle));
        stages.restart(Set.of(lostSink));
        stages.restart(Set.of(lostSource, lostMiddle));
        assertEquals(6, deployed.size(), "no slot is free: the survivor's sink subtask still runs");

        stages.addSlot(slot("tm-3"));
        assertEquals(List.of(lostSource), deployed.subList(6, deployed.size()), "only the source is ready");
        assertEquals("tm-3", slotOf.get(lostSource).taskExecutorId());
        stages.taskEnded(survivingSink, true);
        assertEquals(7, deployed.size(), "the middle subtask waits for its input, the sink for the middle stage");
        stages.taskEnded(lostSource, true);
        assertEquals(List.of(lostSource, lostMiddle), deployed.subList(6, deployed.size()));
        stages.taskEnded(lostMiddle, true);
        assertEquals(List.of(lostSource, lostMiddle, lostSink), deployed.subList(6, deployed.size()));
        stages.taskEnded(lostSink, true);
        assertEquals(9, deployed.size(), "the surviving sink subtask, finished, never runs again");
        assertEquals(1, deployed.stream().filter(survivingSink::equals).count());
    }

    @Test
    void aTaskEndingInALostSlotDoesNotFreeIt() throws Exception {
        StageScheduler stages = scheduler();
        stages.setSlots(List.of(slot("tm-1"), slot("tm-2")));
        stages.start();
        TaskKey lost = on(0, "tm-2");
        stages.slotsLost("tm-2");
        stages.taskEnded(lost, false);
        stages.restart(Set.of(lost));
        assertEquals(2, deployed.size(), "nothing is deployed into the lost slot");
        stages.addSlot(slot("tm-3"));
        assertEquals(lost, deployed.get(2));
        assertEquals("tm-3", slotOf.get(lost).taskExecutorId());
    }
}
