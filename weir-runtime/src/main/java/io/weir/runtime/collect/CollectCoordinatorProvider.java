package io.weir.runtime.collect;

import io.weir.runtime.coordination.OperatorCoordinator;

/** Creates the {@link CollectCoordinator} of a collect sink, known to the client by its id. */
public record CollectCoordinatorProvider(String collectId) implements OperatorCoordinator.Provider {
    @Override
    public OperatorCoordinator create(OperatorCoordinator.Context context) {
        return new CollectCoordinator(collectId);
    }
}
