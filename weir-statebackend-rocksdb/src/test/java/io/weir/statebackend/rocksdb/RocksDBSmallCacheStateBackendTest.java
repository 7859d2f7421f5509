package io.weir.statebackend.rocksdb;

import io.weir.api.configuration.Configuration;
import io.weir.runtime.state.StateBackend;
import io.weir.testutils.state.KeyedStateBackendTestSuite;

/**
 * The shared backend suite on RocksDB with an accumulator cache of one entry per state, so that
 * reducing and aggregating state write back and empty their cache on nearly every access.
 */
class RocksDBSmallCacheStateBackendTest extends KeyedStateBackendTestSuite {
    @Override
    protected StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }

    @Override
    protected Configuration configuration() {
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporaryDirectory.resolve("rocksdb").toString());
        config.set(RocksDBOptions.ACCUMULATOR_CACHE_ENTRIES, 1);
        return config;
    }
}
