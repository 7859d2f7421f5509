package io.weir.api.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.execution.CheckpointingMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void typedAndStringValuesReadTheSame() {
        Configuration config = new Configuration()
                .set(PipelineOptions.PARALLELISM, 3)
                .setString("execution.checkpointing.interval", "10 s")
                .setString("execution.checkpointing.mode", "at_least_once");
        assertEquals(3, config.get(PipelineOptions.PARALLELISM));
        assertEquals(Duration.ofSeconds(10), config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals(CheckpointingMode.AT_LEAST_ONCE, config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE));
        assertEquals("3", config.getString("parallelism.default", null));
        assertEquals("10 s", config.getString("execution.checkpointing.interval", null));
    }

    @Test
    void unsetOptionsGiveTheirDefaultAndGetOptionalIsEmpty() {
        Configuration config = new Configuration();
        assertEquals(RuntimeExecutionMode.STREAMING, config.get(ExecutionOptions.RUNTIME_MODE));
        assertTrue(config.getOptional(ExecutionOptions.RUNTIME_MODE).isEmpty());
        assertTrue(config.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isEmpty());
        assertEquals("fallback", config.getString("no.such.key", "fallback"));
    }

    @Test
    void aBadStringValueFailsWhenSetNamingTheKey() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> new Configuration().setString("parallelism.default", "many"));
        assertEquals("Invalid value 'many' for configuration key 'parallelism.default': expected an integer "
                + "(For input string: \"many\").", e.getMessage());
    }

    @Test
    void aMisspeltKeyInAClaimedNamespaceFailsWithTheClosestKey() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> new Configuration().setString("execution.checkpointing.intervall", "10 s"));
        assertTrue(e.getMessage().startsWith("Unknown configuration key 'execution.checkpointing.intervall'. "
                + "Did you mean 'execution.checkpointing.interval'?"), e.getMessage());
        IllegalConfigurationException p = assertThrows(IllegalConfigurationException.class,
                () -> Configuration.fromMap(Map.of("pipeline.object-resue", "true")));
        assertTrue(p.getMessage().contains("Did you mean 'pipeline.object-reuse'?"), p.getMessage());
    }

    @Test
    void keysOutsideClaimedNamespacesPassThroughAsStrings() {
        Configuration config = Configuration.fromMap(Map.of("kafka.bootstrap.servers", "localhost:9092",
                "my.job.threshold", "7"));
        assertEquals("localhost:9092", config.getString("kafka.bootstrap.servers", null));
        ConfigOption<Integer> threshold = ConfigOptions.key("my.job.threshold").intType().defaultValue(1);
        assertEquals(7, config.get(threshold));
    }

    @Test
    void deprecatedKeysAreStoredUnderTheCurrentKeyWithOneWarning() {
        List<String> warnings = captureWarnings(() -> {
            Configuration first = new Configuration().setString("state.backend", "rocksdb");
            Configuration second = new Configuration().setString("state.backend", "hashmap");
            assertEquals("rocksdb", first.get(StateBackendOptions.STATE_BACKEND));
            assertEquals("hashmap", second.get(StateBackendOptions.STATE_BACKEND));
            assertEquals(Map.of("state.backend.type", "rocksdb"), first.toMap());
        });
        assertEquals(List.of("Configuration key 'state.backend' is deprecated; use 'state.backend.type' instead. "
                + "The value is used for 'state.backend.type'."), warnings);
    }

    @Test
    void everyDeprecatedAliasOfFlinkIsAccepted() {
        Configuration config = new Configuration();
        config.setString("state.checkpoints.dir", "/tmp/cp");
        config.setString("state.savepoints.dir", "/tmp/sp");
        config.setString("state.checkpoints.num-retained", "3");
        config.setString("state.backend.incremental", "true");
        config.setString("restart-strategy", "fixed-delay");
        config.setString("execution.checkpointing.unaligned", "true");
        config.setString("execution.checkpointing.alignment-timeout", "30 s");
        config.setString("execution.savepoint.path", "/tmp/sp/savepoint-1");
        config.setString("execution.savepoint.ignore-unclaimed-state", "true");
        config.setString("execution.buffer-timeout", "5 ms");
        assertEquals("/tmp/cp", config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals("/tmp/sp", config.get(CheckpointingOptions.SAVEPOINT_DIRECTORY));
        assertEquals(3, config.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS));
        assertTrue(config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS));
        assertEquals("fixed-delay", config.get(RestartStrategyOptions.RESTART_STRATEGY));
        assertTrue(config.get(CheckpointingOptions.ENABLE_UNALIGNED));
        assertEquals(Duration.ofSeconds(30), config.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT));
        assertEquals("/tmp/sp/savepoint-1", config.get(StateRecoveryOptions.SAVEPOINT_PATH));
        assertTrue(config.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
        assertEquals(Duration.ofMillis(5), config.get(ExecutionOptions.BUFFER_TIMEOUT));
        assertFalse(config.toMap().containsKey("state.backend"));
    }

    @Test
    void anUnregisteredOptionReadsItsDeprecatedAndFallbackKeys() {
        ConfigOption<Integer> option = ConfigOptions.key("custom.current").intType().defaultValue(0)
                .withFallbackKeys("custom.shared").withDeprecatedKeys("custom.old");
        List<String> warnings = captureWarnings(() -> {
            assertEquals(5, new Configuration().setString("custom.old", "5").get(option));
            assertEquals(6, new Configuration().setString("custom.shared", "6").get(option));
            Configuration both = new Configuration().setString("custom.shared", "6").setString("custom.old", "5");
            assertEquals(6, both.get(option), "a fallback key is read before a deprecated one");
            assertEquals(7, both.set(option, 7).get(option));
        });
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'custom.old'") && warnings.get(0).contains("'custom.current'"));
    }

    @Test
    void toMapAndFromMapRoundTrip() {
        Configuration config = new Configuration()
                .set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofSeconds(2))
                .set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.AT_LEAST_ONCE)
                .set(ConfigOptions.key("user.list").stringType().asList().noDefaultValue(), List.of("a", "b"))
                .setString("user.key", "v");
        Map<String, String> map = config.toMap();
        assertEquals("2 s", map.get("pipeline.auto-watermark-interval"));
        assertEquals("AT_LEAST_ONCE", map.get("execution.checkpointing.mode"));
        assertEquals("a;b", map.get("user.list"));
        Configuration back = Configuration.fromMap(map);
        assertEquals(Duration.ofSeconds(2), back.get(PipelineOptions.AUTO_WATERMARK_INTERVAL));
        assertEquals(map, back.toMap());
    }

    @Test
    void addAllOverridesRemoveConfigUnsetsAndEqualsComparesValues() {
        Configuration base = new Configuration().set(PipelineOptions.PARALLELISM, 2).setString("a.b", "1");
        Configuration top = new Configuration().set(PipelineOptions.PARALLELISM, 8);
        base.addAll(top);
        assertEquals(8, base.get(PipelineOptions.PARALLELISM));
        assertEquals("1", base.getString("a.b", null));
        assertEquals(new Configuration(base), base);
        assertNotEquals(top, base);
        assertTrue(base.removeConfig(PipelineOptions.PARALLELISM));
        assertFalse(base.removeConfig(PipelineOptions.PARALLELISM));
        assertEquals(1, base.get(PipelineOptions.PARALLELISM));
        assertEquals(Configuration.fromMap(Map.of("a.b", "1")), base);
    }

    @Test
    void aReadOnlyViewSeesLaterChanges() {
        Configuration config = new Configuration();
        ReadableConfig view = config.readOnlyView();
        config.set(PipelineOptions.MAX_PARALLELISM, 64);
        assertEquals(64, view.get(PipelineOptions.MAX_PARALLELISM));
        assertFalse(view instanceof Configuration);
    }

    @Test
    void aConfigurationSurvivesSerialization() throws Exception {
        Configuration config = new Configuration()
                .set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1))
                .set(ConfigOptions.key("user.map").mapType().noDefaultValue(), Map.of("k", "v"))
                .setString("taskmanager.whatever", "x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(config, in.readObject());
        }
    }

    /** Runs {@code action} and returns the configuration warnings it logged (System.Logger goes to JUL here). */
    static List<String> captureWarnings(Runnable action) {
        Logger logger = Logger.getLogger(Configuration.class.getName());
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }
}
