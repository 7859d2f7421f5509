package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bin/weir bench} builds every subcommand with picocli, which reads each command class's fields
 * and method signatures; the distribution does not ship the optional dependencies of {@code bench kafka}
 * and {@code bench jdbc} (a broker, a database). A command class that names one of their classes in a
 * signature breaks every {@code bench} command of the distribution, so none may.
 */
class BenchCommandsTest {
    /** Packages and classes the distribution leaves out (weir-bench's optional dependencies). */
    private static final List<String> NOT_SHIPPED = List.of("io.weir.connector.kafka.KafkaBroker", "org.apache.kafka.common.test",
            "io.zonky.", "org.junit.");

    @Test
    void noCommandNamesAClassTheDistributionDoesNotShipInItsSignatures() {
        List<String> found = new ArrayList<>();
        for (CommandLine command : BenchMain.commandLine().getSubcommands().values()) {
            Class<?> type = command.getCommandSpec().userObject().getClass();
            for (Field field : type.getDeclaredFields()) {
                check(type, field.getName(), Set.of(field.getType()), found);
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
            executables.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable executable : executables) {
                Set<Class<?>> named = new java.util.HashSet<>(List.of(executable.getParameterTypes()));
                if (executable instanceof Method method) {
                    named.add(method.getReturnType());
                }
                check(type, executable.getName(), named, found);
            }
        }
        assertEquals(List.of(), found);
    }

    private static void check(Class<?> command, String member, Set<Class<?>> types, List<String> found) {
        for (Class<?> type : types) {
            for (String absent : NOT_SHIPPED) {
                if (type.getName().startsWith(absent)) {
                    found.add(command.getSimpleName() + "." + member + " names " + type.getName());
                }
            }
        }
    }
}
