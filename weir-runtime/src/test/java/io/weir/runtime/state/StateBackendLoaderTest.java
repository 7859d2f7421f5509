package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

/** How state.backend.type picks the backend: by name, by class name, and what an unavailable one says. */
class StateBackendLoaderTest {
    private static StateBackend load(String type) {
        Configuration config = new Configuration();
        if (type != null) {
            config.set(StateBackendOptions.STATE_BACKEND, type);
        }
        return StateBackendLoader.load(config, StateBackendLoaderTest.class.getClassLoader());
    }

    @Test
    void hashmapIsTheDefault() {
        assertInstanceOf(HashMapStateBackend.class, load(null));
        assertInstanceOf(HashMapStateBackend.class, load("HashMap"));
    }

    @Test
    void aBackendCanBeNamedByItsClass() {
        assertInstanceOf(HashMapStateBackend.class, load(HashMapStateBackend.class.getName()));
    }

    @Test
    void rocksdbWithoutItsModuleSaysWhichModuleAddsIt() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> load("rocksdb"));
        assertTrue(e.getMessage().contains("Available: hashmap") && e.getMessage().contains("weir-statebackend-rocksdb"),
                e.getMessage());
    }

    @Test
    void aClassThatIsNoStateBackendIsRefusedByName() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> load(String.class.getName()));
        assertTrue(e.getMessage().contains("java.lang.String") && e.getMessage().contains("StateBackend"),
                e.getMessage());
    }
}
