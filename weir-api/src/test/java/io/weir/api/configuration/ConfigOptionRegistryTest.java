package io.weir.api.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigOptionRegistryTest {

    private static ConfigOptionProvider provider(List<String> namespaces, ConfigOption<?>... options) {
        return new ConfigOptionProvider() {
            @Override
            public List<ConfigOption<?>> options() {
                return List.of(options);
            }

            @Override
            public List<String> claimedNamespaces() {
                return namespaces;
            }
        };
    }

    @Test
    void theApiRegistersItsOptionHoldersThroughServiceLoader() {
        ConfigOptionRegistry registry = ConfigOptionRegistry.global();
        for (String key : List.of("parallelism.default", "pipeline.auto-watermark-interval", "execution.runtime-mode",
                "execution.checkpointing.interval", "execution.checkpointing.externalized-checkpoint-retention",
                "state.backend.type", "restart-strategy.exponential-delay.jitter-factor",
                "execution.state-recovery.path")) {
            assertTrue(registry.find(key).isPresent(), key);
        }
        assertEquals("state.backend.type", registry.find("state.backend").orElseThrow().key());
        assertTrue(registry.isDeprecatedKey("state.checkpoints.dir"));
        assertTrue(registry.claimedNamespaces().containsAll(List.of("execution.", "state.", "restart-strategy.",
                "pipeline.", "parallelism.")));
    }

    @Test
    void everyRegisteredOptionHasADescription() {
        for (ConfigOption<?> option : ConfigOptionRegistry.global().options()) {
            assertFalse(option.description().isBlank(), option.key() + " has no description");
        }
    }

    @Test
    void providersAddOptionsAndNamespaces() {
        ConfigOption<Integer> workers = ConfigOptions.key("cluster.workers").intType().defaultValue(1)
                .withDescription("w");
        ConfigOptionRegistry registry = ConfigOptionRegistry.of(List.of(new ApiConfigOptions(),
                provider(List.of("cluster."), workers)));
        assertEquals(Optional.of(workers), registry.find("cluster.workers"));
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> registry.checkKnown("cluster.worker"));
        assertTrue(e.getMessage().startsWith("Unknown configuration key 'cluster.worker'. Did you mean "
                + "'cluster.workers'?"), e.getMessage());
        registry.checkKnown("elsewhere.anything");
    }

    @Test
    void aKeyFarFromEveryKnownKeyGetsNoSuggestion() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ConfigOptionRegistry.global().checkKnown("state.zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
        assertFalse(e.getMessage().contains("Did you mean"), e.getMessage());
    }

    @Test
    void conflictingDeclarationsAreRejected() {
        ConfigOption<Integer> a = ConfigOptions.key("x.a").intType().defaultValue(1).withDescription("a");
        ConfigOption<Integer> a2 = ConfigOptions.key("x.a").intType().defaultValue(2).withDescription("a");
        assertThrows(IllegalStateException.class,
                () -> ConfigOptionRegistry.of(List.of(provider(List.of(), a), provider(List.of(), a2))));
        ConfigOption<Integer> b = ConfigOptions.key("x.b").intType().defaultValue(1).withDeprecatedKeys("x.a")
                .withDescription("b");
        assertThrows(IllegalStateException.class,
                () -> ConfigOptionRegistry.of(List.of(provider(List.of(), a, b))));
        assertThrows(IllegalStateException.class,
                () -> ConfigOptionRegistry.of(List.of(provider(List.of("x"), a))));
    }
}
