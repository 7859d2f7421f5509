package io.weir.testutils;

import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import java.util.PriorityQueue;

/**
 * A {@link ProcessingTimeService} whose clock only moves when the test says so: callbacks run on
 * the test's thread inside {@link #setCurrentTime}, in time order (then registration order),
 * including callbacks registered while earlier ones run, as long as they are due.
 *
 * <p>Threading: the test's thread only (it plays the task's thread).
 */
public final class TestProcessingTimeService implements ProcessingTimeService {
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private long currentTime;
    private long nextSequence;

    @Override
    public long getCurrentProcessingTime() {
        return currentTime;
    }

    @Override
    public void registerTimer(long time, ProcessingTimeCallback callback) {
        queue.add(new Scheduled(time, nextSequence++, callback));
    }

    /**
     * Moves the clock to {@code time} and runs every callback due by then. The clock never goes
     * back: a time before the current one is rejected.
     */
    public void setCurrentTime(long time) throws Exception {
        if (time < currentTime) {
            throw new IllegalArgumentException("Processing time cannot go back from " + currentTime + " to " + time + ".");
        }
        currentTime = time;
        Scheduled next;
        while ((next = queue.peek()) != null && next.time <= time) {
            queue.poll();
            next.callback.onProcessingTime(next.time);
        }
    }

    /** Number of callbacks registered and not yet run. */
    public int getNumActiveTimers() {
        return queue.size();
    }

    private record Scheduled(long time, long sequence, ProcessingTimeCallback callback) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int byTime = Long.compare(time, o.time);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }
}
