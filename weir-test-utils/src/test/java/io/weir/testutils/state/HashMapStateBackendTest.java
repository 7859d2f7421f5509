package io.weir.testutils.state;

import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.StateBackend;

/** The shared backend suite on the heap backend. */
class HashMapStateBackendTest extends KeyedStateBackendTestSuite {
    @Override
    protected StateBackend stateBackend() {
        return new HashMapStateBackend();
    }
}
