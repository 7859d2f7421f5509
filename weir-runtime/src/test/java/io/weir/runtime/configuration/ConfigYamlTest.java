package io.weir.runtime.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.MemorySize;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.execution.CheckpointingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigYamlTest {

    private static Map<String, String> parse(String... lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (ConfigYaml.Entry e : ConfigYaml.parse(String.join("\n", lines), "config.yaml")) {
            map.put(e.key(), e.value());
        }
        return map;
    }

    private static void failsOnLine(int line, String messagePart, String... lines) {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> parse(lines));
        assertTrue(e.getMessage().startsWith("config.yaml line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void flatKeysWithCommentsAndQuotes() {
        assertEquals(Map.of("parallelism.default", "4", "pipeline.name", "My job # not a comment",
                        "a.b", "it's", "c.d", "http://host:8081/x", "e.f", "tab\there"),
                parse("# a comment", "", "parallelism.default: 4   # trailing comment",
                        "pipeline.name: \"My job # not a comment\"", "a.b: 'it''s'", "c.d: http://host:8081/x",
                        "e.f: \"tab\\there\""));
    }

    @Test
    void nestedMapsAreFlattenedAndMixWithFlatKeys() {
        assertEquals(Map.of("execution.checkpointing.interval", "10 s", "execution.checkpointing.mode", "EXACTLY_ONCE",
                        "execution.runtime-mode", "BATCH", "state.backend.type", "rocksdb"),
                parse("execution:", "  checkpointing:", "    interval: 10 s", "    mode: EXACTLY_ONCE",
                        "  runtime-mode: BATCH", "state.backend.type: rocksdb"));
    }

    @Test
    void listsBlockAndFlowAndFlowMaps() {
        assertEquals(Map.of("pipeline.jars", "a.jar;b.jar", "x.flow", "1;2;'3'", "x.after", "v",
                        "x.empty", "", "x.map", "k1:v1,k2:v,2"),
                parse("pipeline.jars:", "  - a.jar", "  - \"b.jar\"", "x.flow: [1, 2, \"'3'\"]", "x.after: v",
                        "x.empty: []", "x.map: {k1: v1, k2: \"v,2\"}"));
    }

    @Test
    void malformedLinesFailWithTheirLineNumber() {
        failsOnLine(2, "expected 'key: value'", "a.b: 1", "just words");
        failsOnLine(2, "tab in the indentation", "a:", "\tb: 1");
        failsOnLine(1, "'a' has no value", "a:", "b: 1");
        failsOnLine(4, "'a.b' is set twice (also on line 1)", "a.b: 1", "c: 2", "a:", "  b: 3");
        failsOnLine(2, "already has a value", "a: 1", "  b: 2");
        failsOnLine(1, "unexpected indentation", "  a: 1");
        failsOnLine(1, "not closed", "a: \"open");
        failsOnLine(1, "block scalars", "a: |");
        failsOnLine(1, "is not closed by ']'", "a: [1, 2");
        failsOnLine(2, "must follow a key with no value", "a: 1", "- x");
    }

    @Test
    void valuesAreCheckedAgainstTheirOptionsWithTheLine() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.fromYaml("pipeline:\n  max-parallelism: lots\n", "conf/config.yaml"));
        assertTrue(e.getMessage().startsWith("conf/config.yaml line 2: Invalid value 'lots' for configuration key "
                + "'pipeline.max-parallelism'"), e.getMessage());
        IllegalConfigurationException unknown = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.fromYaml("# x\ntaskmanager.memory.segment-sise: 64kb\n", "conf/config.yaml"));
        assertTrue(unknown.getMessage().startsWith("conf/config.yaml line 2: Unknown configuration key "
                + "'taskmanager.memory.segment-sise'. Did you mean 'taskmanager.memory.segment-size'?"),
                unknown.getMessage());
    }

    @Test
    void loadsConfigYamlFromADirectory(@TempDir Path dir) throws IOException {
        assertEquals(new Configuration(), GlobalConfiguration.loadConfiguration(dir));
        Files.writeString(dir.resolve("config.yaml"), "execution:\n  checkpointing:\n    interval: 1 min\n"
                + "    mode: at_least_once\nparallelism.default: 3\ntaskmanager.memory.segment-size: 64kb\n"
                + "my.connector.url: jdbc:x\n");
        Configuration config = GlobalConfiguration.loadConfiguration(dir);
        assertEquals(Duration.ofMinutes(1), config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals(CheckpointingMode.AT_LEAST_ONCE, config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE));
        assertEquals(3, config.get(PipelineOptions.PARALLELISM));
        assertEquals(MemorySize.parse("64kb"), config.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE));
        assertEquals("jdbc:x", config.getString("my.connector.url", null));
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> GlobalConfiguration.loadConfiguration(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("WEIR_CONF_DIR"), e.getMessage());
    }

    @Test
    void theDistributionsConfigYamlParses() throws IOException {
        Path file = Path.of("..", "weir-dist", "src", "main", "dist", "conf", "config.yaml");
        GlobalConfiguration.fromYaml(Files.readString(file), file.toString());
    }
}
