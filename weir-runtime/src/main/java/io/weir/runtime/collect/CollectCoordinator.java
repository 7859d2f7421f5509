package io.weir.runtime.collect;

import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Holds the batches of a collect sink until the client fetches them. At most {@link #MAX_BATCHES}
 * batches wait; the sink's next batch is acknowledged only when there is room again.
 *
 * <p>The client's stream ends when the job has ended, not when the sink sent its last batch: as in
 * Flink, a program that read every result finds the job terminated (its tasks closed, their state
 * released). A job failure after the sink's last batch does not fail the client's stream.
 *
 * <p>Threading: all calls on the JobMaster's main thread while the job runs; after it ended, only
 * {@link #fetch()} from the client's thread (the JobMaster publishes the end through a volatile write).
 */
public final class CollectCoordinator implements OperatorCoordinator {
    static final int MAX_BATCHES = 4;

    private final String collectId;
    private final ArrayDeque<CollectBatch> ready = new ArrayDeque<>();
    private final ArrayDeque<Pending> waitingForRoom = new ArrayDeque<>();
    private CompletableFuture<CollectResults> waitingClient;
    private boolean ended;
    private boolean sinkFinished;
    private Throwable failure;

    private record Pending(CollectBatch batch, CompletableFuture<Object> ack) {}

    public CollectCoordinator(String collectId) {
        this.collectId = collectId;
    }

    public String collectId() {
        return collectId;
    }

    @Override
    public void start() {}

    @Override
    public void handleEventFromOperator(int subtask, OperatorEvent event) {
        throw new IllegalArgumentException("The collect coordinator takes requests only: " + event);
    }

    @Override
    public CompletableFuture<Object> handleRequestFromOperator(int subtask, OperatorEvent request) {
        CollectBatch batch = (CollectBatch) request;
        CompletableFuture<Object> ack = new CompletableFuture<>();
        if (ready.size() < MAX_BATCHES) {
            ready.add(batch);
            ack.complete(Boolean.TRUE);
        } else {
            waitingForRoom.add(new Pending(batch, ack));
        }
        answerClient();
        return ack;
    }

    /** The client asks for results; the answer comes when there are some, or the stream ended. */
    public CompletableFuture<CollectResults> fetch() {
        if (waitingClient != null && !waitingClient.isDone()) {
            waitingClient.complete(new CollectResults(List.of(), false, null));
        }
        waitingClient = new CompletableFuture<>();
        CompletableFuture<CollectResults> answer = waitingClient;
        answerClient();
        return answer;
    }

    @Override
    public void jobEnded(Throwable jobFailure) {
        ended = true;
        failure = jobFailure;
        for (Pending p : waitingForRoom) {
            p.ack().completeExceptionally(new IllegalStateException("The job ended"));
        }
        waitingForRoom.clear();
        answerClient();
    }

    private void answerClient() {
        if (waitingClient == null || waitingClient.isDone()) {
            return;
        }
        List<CollectBatch> batches = new ArrayList<>();
        while (!ready.isEmpty()) {
            CollectBatch b = ready.poll();
            batches.add(b);
            sinkFinished |= b.last();
        }
        while (!waitingForRoom.isEmpty()) {
            Pending p = waitingForRoom.poll();
            batches.add(p.batch());
            sinkFinished |= p.batch().last();
            p.ack().complete(Boolean.TRUE);
        }
        if (!batches.isEmpty() || ended) {
            waitingClient.complete(new CollectResults(batches, ended, sinkFinished ? null : failure));
        }
    }

    @Override
    public void close() {}
}
