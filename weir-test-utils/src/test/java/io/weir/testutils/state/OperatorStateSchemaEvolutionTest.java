package io.weir.testutils.state;

import static io.weir.testutils.ClassVersions.withContextClassLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.OperatorStateEntries;
import io.weir.runtime.state.HeapOperatorStateBackend;
import io.weir.testutils.ClassVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator (non-keyed) state keeps serializer snapshots too: list and broadcast state written with
 * version 1 of a POJO is restored with version 2 (a field removed, one added), and a field whose
 * type changed fails the restore naming the operator, the state and the types.
 */
class OperatorStateSchemaEvolutionTest {
    private static final String V1 = "package demo; public class Rule { public String name; public int weight;"
            + " public String legacy; }";
    private static final String V2 = "package demo; public class Rule { public String name; public int weight;"
            + " public boolean active = true; }";
    private static final String V2_LONG_WEIGHT = "package demo; public class Rule { public String name;"
            + " public long weight; public String legacy; }";

    @TempDir
    Path dir;

    @Test
    void listAndBroadcastStateOfAPojoThatLostAndGainedFieldsAreMigrated() throws Exception {
        List<OperatorStateEntries> written = writtenWithVersionOne();

        Class<?> v2 = compile("v2", V2);
        HeapOperatorStateBackend restored = withContextClassLoader(v2.getClassLoader(), () -> {
            HeapOperatorStateBackend backend = new HeapOperatorStateBackend("rules", new SerializerConfig());
            backend.restore(written);
            backend.getListState(new ListStateDescriptor<>("pending", type(v2)));
            backend.getBroadcastState(new MapStateDescriptor<>("byName", Types.STRING, type(v2)));
            return backend;
        });
        List<String> pending = new ArrayList<>();
        for (Object rule : restored.getListState(new ListStateDescriptor<>("pending", type(v2))).get()) {
            pending.add(describe(rule));
        }
        assertEquals(List.of("a/1/true", "b/2/true"), pending);
        BroadcastState<String, Object> byName = restored.getBroadcastState(
                new MapStateDescriptor<>("byName", Types.STRING, type(v2)));
        assertEquals("c/3/true", describe(byName.get("c")));
    }

    @Test
    void aFieldWhoseTypeChangedFailsTheRestoreNamingOperatorAndState() throws Exception {
        List<OperatorStateEntries> written = writtenWithVersionOne();
        Class<?> changed = compile("v3", V2_LONG_WEIGHT);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withContextClassLoader(changed.getClassLoader(), () -> {
                    HeapOperatorStateBackend backend = new HeapOperatorStateBackend("rules", new SerializerConfig());
                    backend.restore(written);
                    return backend.getListState(new ListStateDescriptor<>("pending", type(changed)));
                }));
        assertTrue(e.getMessage().startsWith("Operator state 'pending' of operator 'rules' cannot be restored")
                && e.getMessage().contains("weight: IntSerializer") && e.getMessage().contains("weight: Long"),
                e.getMessage());
    }

    private List<OperatorStateEntries> writtenWithVersionOne() throws Exception {
        Class<?> v1 = compile("v1", V1);
        HeapOperatorStateBackend original = new HeapOperatorStateBackend("rules", new SerializerConfig());
        ListState<Object> pending = original.getListState(new ListStateDescriptor<>("pending", type(v1)));
        pending.add(rule(v1, "a", 1));
        pending.add(rule(v1, "b", 2));
        original.getBroadcastState(new MapStateDescriptor<>("byName", Types.STRING, type(v1))).put("c", rule(v1, "c", 3));
        return original.snapshot();
    }

    private Class<?> compile(String version, String source) throws ClassNotFoundException {
        return ClassVersions.compile(dir.resolve(version), Map.of("demo.Rule", source)).loadClass("demo.Rule");
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Object> type(Class<?> type) {
        return (TypeInformation<Object>) TypeExtractor.createTypeInfo(type);
    }

    private static Object rule(Class<?> v1, String name, int weight) throws Exception {
        Object rule = v1.getConstructor().newInstance();
        v1.getField("name").set(rule, name);
        v1.getField("weight").set(rule, weight);
        v1.getField("legacy").set(rule, "gone in v2");
        return rule;
    }

    private static String describe(Object rule) throws Exception {
        Class<?> type = rule.getClass();
        return type.getField("name").get(rule) + "/" + type.getField("weight").get(rule) + "/"
                + type.getField("active").get(rule);
    }
}
