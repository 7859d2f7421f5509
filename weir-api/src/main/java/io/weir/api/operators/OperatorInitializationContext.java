package io.weir.api.operators;

import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.OperatorStateStore;
import io.weir.api.state.StateInitializationContext;
import java.util.OptionalLong;

/** The {@link StateInitializationContext} an {@link AbstractStreamOperator} hands its hook and its user function. */
final class OperatorInitializationContext implements StateInitializationContext {
    private final OperatorContext context;
    private final KeyedStateStore keyedStateStore;

    OperatorInitializationContext(OperatorContext context, KeyedStateStore keyedStateStore) {
        this.context = context;
        this.keyedStateStore = keyedStateStore;
    }

    @Override
    public boolean isRestored() {
        return context.getRestoredCheckpointId().isPresent();
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return context.getRestoredCheckpointId();
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
        return context.getOperatorStateStore();
    }

    @Override
    public KeyedStateStore getKeyedStateStore() {
        return keyedStateStore;
    }
}
