package io.weir.runtime.collect;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.task.BufferingOperator;
import io.weir.runtime.task.RuntimeOperatorContext;
import io.weir.runtime.task.TaskCancelledException;
import java.util.concurrent.ExecutionException;

/**
 * Sends the records of a stream to the client of the job ({@code executeAndCollect}) through its
 * coordinator on the JobMaster, in batches. Each batch waits until the coordinator has room, so a
 * client that reads slowly slows the job down instead of filling memory.
 */
public final class CollectSinkOperator<IN> extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<IN, Object>, BoundedOneInput, BufferingOperator {
    private static final long serialVersionUID = 1L;
    private static final int BATCH_BYTES = 64 * 1024;

    private final TypeSerializer<IN> serializer;
    private transient DataOutputSerializer batch;
    private transient int count;
    private transient OperatorEventGateway gateway;

    public CollectSinkOperator(TypeSerializer<IN> serializer) {
        this.serializer = serializer;
    }

    @Override
    public void open() throws Exception {
        super.open();
        batch = new DataOutputSerializer(BATCH_BYTES + 1024);
        gateway = ((RuntimeOperatorContext) getOperatorContext()).getOperatorEventGateway();
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        serializer.serialize(element.getValue(), batch);
        count++;
        if (batch.length() >= BATCH_BYTES) {
            send(false);
        }
    }

    @Override
    public void flushBuffered() throws Exception {
        if (count > 0) {
            send(false);
        }
    }

    @Override
    public void endInput() throws Exception {
        send(true);
    }

    private void send(boolean last) throws Exception {
        CollectBatch event = new CollectBatch(batch.getCopyOfBuffer(), count, last);
        batch.clear();
        count = 0;
        try {
            gateway.sendRequestToCoordinator(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The client of the job stopped taking results", e.getCause());
        }
    }
}
