package io.weir.api.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CheckpointingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value type parses good values, writes them back, and rejects bad ones naming the key. */
class ConfigOptionParsingTest {

    private static <T> void roundTrips(ConfigOption<T> option, String text, T expected) {
        T parsed = option.parse(text);
        assertEquals(expected, parsed, text);
        assertEquals(expected, option.parse(option.format(parsed)), option.format(parsed));
    }

    private static void rejects(ConfigOption<?> option, String text, String... messageParts) {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> option.parse(text));
        assertTrue(e.getMessage().contains("'" + option.key() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void integersAndLongs() {
        ConfigOption<Integer> ints = ConfigOptions.key("t.int").intType().defaultValue(1);
        ConfigOption<Long> longs = ConfigOptions.key("t.long").longType().defaultValue(1L);
        roundTrips(ints, " 42 ", 42);
        roundTrips(ints, "-7", -7);
        roundTrips(longs, "9000000000", 9_000_000_000L);
        rejects(ints, "4.5", "expected an integer");
        rejects(ints, "9000000000", "expected an integer");
        rejects(longs, "lots", "expected a long integer");
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        ConfigOption<Boolean> flag = ConfigOptions.key("t.flag").booleanType().defaultValue(false);
        roundTrips(flag, "TRUE", true);
        roundTrips(flag, "false", false);
        rejects(flag, "yes", "expected true or false");
    }

    @Test
    void durationsTakeUnitsAndBareMilliseconds() {
        ConfigOption<Duration> d = ConfigOptions.key("t.duration").durationType().defaultValue(Duration.ZERO);
        roundTrips(d, "100", Duration.ofMillis(100));
        roundTrips(d, "100 ms", Duration.ofMillis(100));
        roundTrips(d, "5s", Duration.ofSeconds(5));
        roundTrips(d, "2 min", Duration.ofMinutes(2));
        roundTrips(d, "3 minutes", Duration.ofMinutes(3));
        roundTrips(d, "1h", Duration.ofHours(1));
        roundTrips(d, "2 d", Duration.ofDays(2));
        roundTrips(d, "1500 us", Duration.ofNanos(1_500_000));
        assertEquals("90 s", d.format(Duration.ofSeconds(90)));
        rejects(d, "10 parsecs", "unknown unit 'parsecs'");
        rejects(d, "-5 s", "starts with a number");
        rejects(d, "soon", "expected a duration");
    }

    @Test
    void memorySizesUsePowersOf1024() {
        ConfigOption<MemorySize> m = ConfigOptions.key("t.memory").memoryType().defaultValue(MemorySize.ZERO);
        roundTrips(m, "64kb", new MemorySize(64 * 1024));
        roundTrips(m, "32 mb", MemorySize.ofMebiBytes(32));
        roundTrips(m, "1G", new MemorySize(1L << 30));
        roundTrips(m, "100", new MemorySize(100));
        roundTrips(m, "1000 bytes", new MemorySize(1000));
        assertEquals("32 kb", MemorySize.parse("32768").toString());
        rejects(m, "12 furlongs", "unknown unit 'furlongs'");
        rejects(m, "kb", "starts with a number");
        rejects(m, "99999999999 tb", "more than 8 exbibytes");
    }

    @Test
    void enumsMatchIgnoringCaseAndListTheirValues() {
        ConfigOption<CheckpointingMode> mode = CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE;
        roundTrips(mode, "exactly_once", CheckpointingMode.EXACTLY_ONCE);
        roundTrips(mode, "AT_LEAST_ONCE", CheckpointingMode.AT_LEAST_ONCE);
        roundTrips(mode, "at-least-once", CheckpointingMode.AT_LEAST_ONCE);
        assertEquals(List.of("EXACTLY_ONCE", "AT_LEAST_ONCE"), mode.possibleValues());
        rejects(mode, "twice", "one of EXACTLY_ONCE, AT_LEAST_ONCE");
    }

    @Test
    void listsAreSemicolonSeparated() {
        ConfigOption<List<String>> names = ConfigOptions.key("t.names").stringType().asList().defaultValues("a");
        ConfigOption<List<Integer>> numbers = ConfigOptions.key("t.numbers").intType().asList().noDefaultValue();
        roundTrips(names, "x;y; z", List.of("x", "y", "z"));
        roundTrips(names, "", List.of());
        roundTrips(numbers, "1;2;3", List.of(1, 2, 3));
        assertEquals("List<Integer>", numbers.typeName());
        rejects(numbers, "1;two", "a list of an integer");
    }

    @Test
    void mapsAreCommaSeparatedKeyColonValue() {
        ConfigOption<Map<String, String>> map = ConfigOptions.key("t.map").mapType().noDefaultValue();
        roundTrips(map, "a:1, b : 2", Map.of("a", "1", "b", "2"));
        rejects(map, "a=1", "is not key:value");
    }

    @Test
    void validationRejectsValuesBreakingTheRuleAndSaysTheRule() {
        rejects(PipelineOptions.PARALLELISM, "0", "must be at least 1");
        rejects(StateBackendOptions.STATE_BACKEND, "filesystem", "must be hashmap, rocksdb or the class name");
        rejects(RestartStrategyOptions.RESTART_STRATEGY, "sometimes", "must be none, fixed-delay");
        assertEquals("rocksdb", StateBackendOptions.STATE_BACKEND.parse("rocksdb"));
        IllegalConfigurationException typed = assertThrows(IllegalConfigurationException.class,
                () -> new Configuration().set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 0));
        assertTrue(typed.getMessage().contains("'execution.checkpointing.max-concurrent-checkpoints'"),
                typed.getMessage());
    }

    @Test
    void aDefaultBreakingItsOwnRuleIsADeclarationError() {
        assertThrows(IllegalArgumentException.class, () -> ConfigOptions.key("t.bad").intType().defaultValue(0)
                .withValidation(n -> n > 0, "be positive"));
    }
}
