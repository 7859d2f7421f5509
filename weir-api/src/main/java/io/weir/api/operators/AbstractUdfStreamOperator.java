package io.weir.api.operators;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import java.util.Objects;

/**
 * An operator that wraps one user function and runs its life cycle: open and close for rich
 * functions, {@code initializeState} and {@code snapshotState} for a {@link CheckpointedFunction},
 * checkpoint notifications for a {@link CheckpointListener}.
 */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {
    private static final long serialVersionUID = 1L;

    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = ClosureCleaner.clean(Objects.requireNonNull(userFunction, "user function"));
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(getRuntimeContext());
        }
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        if (userFunction instanceof CheckpointedFunction checkpointed) {
            checkpointed.initializeState(context);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (userFunction instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(context);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (userFunction instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        if (userFunction instanceof CheckpointListener listener) {
            listener.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).open(OPEN_CONTEXT);
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).close();
        }
    }
}
