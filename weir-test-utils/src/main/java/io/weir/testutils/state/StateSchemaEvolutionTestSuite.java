package io.weir.testutils.state;

import static io.weir.testutils.ClassVersions.withContextClassLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.testutils.ClassVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * State schema evolution, part of {@link KeyedStateBackendTestSuite}: state written with version 1
 * of a user class is restored by a backend whose job has version 2 of it (two class loaders, as
 * before and after an upgrade). Checked from checkpoints and from savepoints, for value, list and
 * map state, and again after the migrated state was checkpointed once more.
 */
public abstract class StateSchemaEvolutionTestSuite extends KeyedStateAccessTestSuite {
    private static final List<String> KEYS = List.of("ada", "bob", "cy");

    /** Version 1: {@code legacy} will be removed, {@code tier} is not there yet. */
    private static final String PROFILE_V1 = "package demo; public class Profile {"
            + " public String name; public int visits; public String legacy; }";
    /** Version 2: {@code legacy} removed, {@code tier} added with an initial value. */
    private static final String PROFILE_V2 = "package demo; public class Profile {"
            + " public String name; public int visits; public String tier = \"basic\"; }";
    /** Version 2 with an incompatible change: {@code visits} became a long. */
    private static final String PROFILE_V2_LONG_VISITS = "package demo; public class Profile {"
            + " public String name; public long visits; public String legacy; }";

    private static final String TOTAL_V1 = "package demo; public record Total(String name, long sum, String legacy) {}";
    private static final String TOTAL_V2 = "package demo; public record Total(int rank, String name, long sum) {}";

    @Test
    void aPojoThatGainedAndLostFieldsIsMigratedFromACheckpoint() throws Exception {
        pojoThatGainedAndLostFieldsIsMigratedInValueListAndMapState(false);
    }

    @Test
    void aPojoThatGainedAndLostFieldsIsMigratedFromASavepoint() throws Exception {
        pojoThatGainedAndLostFieldsIsMigratedInValueListAndMapState(true);
    }

    private void pojoThatGainedAndLostFieldsIsMigratedInValueListAndMapState(boolean savepoint) throws Exception {
        Class<?> v1 = compile("v1", PROFILE_V1, "demo.Profile");
        AbstractKeyedStateBackend<String> original = backend(ALL);
        for (String key : KEYS) {
            original.setCurrentKey(key);
            original.getPartitionedState(new ValueStateDescriptor<>("profile", type(v1))).update(profile(v1, key, 1));
            ListState<Object> history = original.getPartitionedState(new ListStateDescriptor<>("history", type(v1)));
            history.add(profile(v1, key, 2));
            history.add(profile(v1, key, 3));
            original.getPartitionedState(new MapStateDescriptor<>("byDay", Types.STRING, type(v1)))
                    .put("monday", profile(v1, key, 4));
        }
        OperatorSubtaskState written = harness.checkpoint(original, 1, savepoint);

        Class<?> v2 = compile("v2", PROFILE_V2, "demo.Profile");
        AbstractKeyedStateBackend<String> upgraded = withContextClassLoader(v2.getClassLoader(),
                () -> restoredWithAllStates(written, v2));
        assertProfilesMigrated(upgraded, v2);

        OperatorSubtaskState again = harness.checkpoint(upgraded, 2, savepoint);
        assertProfilesMigrated(withContextClassLoader(v2.getClassLoader(), () -> restoredWithAllStates(again, v2)), v2);
    }

    private AbstractKeyedStateBackend<String> restoredWithAllStates(OperatorSubtaskState state, Class<?> profile) {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        StateBackendHarness.restore(backend, state);
        backend.getPartitionedState(new ValueStateDescriptor<>("profile", type(profile)));
        backend.getPartitionedState(new ListStateDescriptor<>("history", type(profile)));
        backend.getPartitionedState(new MapStateDescriptor<>("byDay", Types.STRING, type(profile)));
        return backend;
    }

    private void assertProfilesMigrated(AbstractKeyedStateBackend<String> backend, Class<?> v2) throws Exception {
        for (String key : KEYS) {
            backend.setCurrentKey(key);
            ValueState<Object> value = backend.getPartitionedState(new ValueStateDescriptor<>("profile", type(v2)));
            assertEquals(key + "/1/basic", describe(value.value()));
            List<String> history = new ArrayList<>();
            for (Object element : backend.getPartitionedState(new ListStateDescriptor<>("history", type(v2))).get()) {
                history.add(describe(element));
            }
            assertEquals(List.of(key + "/2/basic", key + "/3/basic"), history);
            MapState<String, Object> byDay = backend.getPartitionedState(
                    new MapStateDescriptor<>("byDay", Types.STRING, type(v2)));
            assertEquals(key + "/4/basic", describe(byDay.get("monday")));
        }
    }

    @Test
    void aRecordThatGainedLostAndReorderedComponentsIsMigratedFromACheckpoint() throws Exception {
        recordThatGainedLostAndReorderedComponentsIsMigrated(false);
    }

    @Test
    void aRecordThatGainedLostAndReorderedComponentsIsMigratedFromASavepoint() throws Exception {
        recordThatGainedLostAndReorderedComponentsIsMigrated(true);
    }

    private void recordThatGainedLostAndReorderedComponentsIsMigrated(boolean savepoint) throws Exception {
        Class<?> v1 = compile("v1", TOTAL_V1, "demo.Total");
        AbstractKeyedStateBackend<String> original = backend(ALL);
        for (String key : KEYS) {
            original.setCurrentKey(key);
            Object total = v1.getConstructors()[0].newInstance(key, (long) key.length(), "gone");
            original.getPartitionedState(new ValueStateDescriptor<>("total", type(v1))).update(total);
        }
        OperatorSubtaskState written = harness.checkpoint(original, 1, savepoint);

        Class<?> v2 = compile("v2", TOTAL_V2, "demo.Total");
        AbstractKeyedStateBackend<String> upgraded = withContextClassLoader(v2.getClassLoader(), () -> {
            AbstractKeyedStateBackend<String> backend = backend(ALL);
            StateBackendHarness.restore(backend, written);
            backend.getPartitionedState(new ValueStateDescriptor<>("total", type(v2)));
            return backend;
        });
        for (String key : KEYS) {
            upgraded.setCurrentKey(key);
            Object total = upgraded.getPartitionedState(new ValueStateDescriptor<>("total", type(v2))).value();
            assertEquals("Total[rank=0, name=" + key + ", sum=" + key.length() + "]", total.toString());
        }
    }

    @Test
    void aFieldWhoseTypeChangedFailsTheRestoreNamingOperatorStateAndBothTypes() throws Exception {
        Class<?> v1 = compile("v1", PROFILE_V1, "demo.Profile");
        AbstractKeyedStateBackend<String> original = backend(ALL);
        original.setCurrentKey("ada");
        original.getPartitionedState(new ValueStateDescriptor<>("profile", type(v1))).update(profile(v1, "ada", 1));
        OperatorSubtaskState written = harness.checkpoint(original, 1, true);

        Class<?> changed = compile("v2", PROFILE_V2_LONG_VISITS, "demo.Profile");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withContextClassLoader(changed.getClassLoader(), () -> {
                    AbstractKeyedStateBackend<String> backend = backend(ALL);
                    StateBackendHarness.restore(backend, written);
                    return backend.getPartitionedState(new ValueStateDescriptor<>("profile", type(changed)));
                }));
        String message = e.getMessage();
        assertTrue(message.startsWith("State 'profile' of operator 'counter' cannot be restored"), message);
        assertTrue(message.contains("visits: Integer") && message.contains("visits: Long"), message);
        assertTrue(message.contains("a field whose type changed is incompatible"), message);
        assertTrue(message.contains("give the new state another name"), message);
    }

    @Test
    void aKeyTypeChangeFailsTheRestoreSayingKeysCannotChange() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        original.setCurrentKey("ada");
        original.getPartitionedState(new ValueStateDescriptor<>("count", Types.LONG)).update(1L);
        OperatorSubtaskState written = harness.checkpoint(original, 1, true);

        AbstractKeyedStateBackend<Long> byLong = harness.create(ALL, MAX_PARALLELISM,
                Types.LONG.createSerializer(new SerializerConfig()), () -> now);
        StateBackendHarness.restore(byLong, written);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> byLong.getPartitionedState(new ValueStateDescriptor<>("count", Types.LONG)));
        assertTrue(e.getMessage().contains("its key serializer changed from StringSerializer to LongSerializer")
                && e.getMessage().contains("keep the key type"), e.getMessage());
    }

    private Class<?> compile(String version, String source, String className) throws ClassNotFoundException {
        return ClassVersions.compile(temporaryDirectory.resolve("classes-" + version + "-" + System.nanoTime()),
                Map.of(className, source)).loadClass(className);
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Object> type(Class<?> type) {
        return (TypeInformation<Object>) TypeExtractor.createTypeInfo(type);
    }

    private static Object profile(Class<?> v1, String name, int visits) throws Exception {
        Object profile = v1.getConstructor().newInstance();
        v1.getField("name").set(profile, name);
        v1.getField("visits").set(profile, visits);
        v1.getField("legacy").set(profile, "dropped by v2");
        return profile;
    }

    /** {@code name/visits/tier} of a version 2 profile. */
    private static String describe(Object profile) throws Exception {
        Class<?> type = profile.getClass();
        return type.getField("name").get(profile) + "/" + type.getField("visits").get(profile) + "/"
                + type.getField("tier").get(profile);
    }
}
