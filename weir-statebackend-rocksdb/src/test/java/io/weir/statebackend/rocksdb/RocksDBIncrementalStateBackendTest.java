package io.weir.statebackend.rocksdb;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.state.StateBackend;
import io.weir.testutils.state.KeyedStateBackendTestSuite;

/** The shared backend suite on RocksDB with incremental checkpoints (database files in shared storage). */
class RocksDBIncrementalStateBackendTest extends KeyedStateBackendTestSuite {
    @Override
    protected StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }

    @Override
    protected Configuration configuration() {
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporaryDirectory.resolve("rocksdb").toString());
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        return config;
    }
}
