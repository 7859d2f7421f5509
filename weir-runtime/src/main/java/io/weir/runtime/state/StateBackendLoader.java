package io.weir.runtime.state;

import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.ReadableConfig;
import io.weir.api.configuration.StateBackendOptions;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the {@link StateBackend} that {@code state.backend.type} names: a name ({@code hashmap},
 * {@code rocksdb}, or any other a module on the class path adds) or the class name of a
 * {@link StateBackend}. An unknown name fails with the names available and what adds the others.
 */
public final class StateBackendLoader {
    private StateBackendLoader() {}

    /** The backend the configuration chooses, looked up with {@code classLoader} (the job's). */
    public static StateBackend load(ReadableConfig config, ClassLoader classLoader) {
        String type = config.get(StateBackendOptions.STATE_BACKEND).trim();
        TreeMap<String, StateBackend> available = available(classLoader);
        StateBackend named = available.get(type.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (type.contains(".")) {
            return byClassName(type, classLoader);
        }
        throw new IllegalConfigurationException("Unknown state backend '" + type + "' ("
                + StateBackendOptions.STATE_BACKEND.key() + "). Available: " + String.join(", ", available.keySet())
                + "." + (available.containsKey("rocksdb") ? "" : " The rocksdb backend comes with the module "
                + "weir-statebackend-rocksdb (io.weir:weir-statebackend-rocksdb): add it to the job's class path or "
                + "to the distribution's lib/."));
    }

    /** The backends on the class path, by name. */
    public static TreeMap<String, StateBackend> available(ClassLoader classLoader) {
        TreeMap<String, StateBackend> byName = new TreeMap<>();
        byName.put(HashMapStateBackend.NAME, new HashMapStateBackend());
        for (StateBackend backend : ServiceLoader.load(StateBackend.class, classLoader)) {
            byName.putIfAbsent(backend.name().toLowerCase(Locale.ROOT), backend);
        }
        return byName;
    }

    private static StateBackend byClassName(String className, ClassLoader classLoader) {
        try {
            Class<?> type = Class.forName(className, true, classLoader);
            if (!StateBackend.class.isAssignableFrom(type)) {
                throw new IllegalConfigurationException("State backend class " + className + " ("
                        + StateBackendOptions.STATE_BACKEND.key() + ") does not implement " + StateBackend.class.getName());
            }
            return (StateBackend) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalConfigurationException("State backend class " + className + " ("
                    + StateBackendOptions.STATE_BACKEND.key() + ") cannot be created: " + e);
        }
    }
}
