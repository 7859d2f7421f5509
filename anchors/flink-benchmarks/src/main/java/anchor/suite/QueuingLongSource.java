package anchor.suite;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Weir's {@code QueuingLongSource}: a {@link LongSource} that waits for its turn, the sources of one
 * job running one after the other in the order of their ranks (1, 2, ...), so while one emits the
 * others are idle. The turn is a static (the sources run in the benchmark's JVM); {@link #reset}
 * before each job. A source passes the turn on when its {@code run} returns.
 */
public final class QueuingLongSource extends LongSource {
    private static final long serialVersionUID = 1L;
    private static final Object TURN = new Object();
    private static final long WAIT_LIMIT_MS = TimeUnit.MINUTES.toMillis(10);
    private static int currentRank = 1;
    private final int rank;

    public QueuingLongSource(int rank, long count) {
        super(count);
        this.rank = rank;
    }

    /** The next job starts with the source of rank 1. */
    public static void reset() {
        synchronized (TURN) {
            currentRank = 1;
        }
    }

    @Override
    public void run(SourceContext<Long> ctx) throws Exception {
        synchronized (TURN) {
            long deadline = System.currentTimeMillis() + WAIT_LIMIT_MS;
            while (currentRank != rank) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new TimeoutException("Source of rank " + rank + " waited 10 minutes for its turn "
                            + "(current rank " + currentRank + "); call QueuingLongSource.reset() before each job.");
                }
                TURN.wait(left);
            }
        }
        super.run(ctx);
        synchronized (TURN) {
            if (currentRank == rank) {
                currentRank++;
                TURN.notifyAll();
            }
        }
    }
}
