package io.weir.api.configuration;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The options the API declares ({@link PipelineOptions}, {@link ExecutionOptions},
 * {@link CheckpointingOptions}, {@link StateBackendOptions}, {@link StateRecoveryOptions},
 * {@link RestartStrategyOptions}), and the namespaces they own.
 */
public final class ApiConfigOptions implements ConfigOptionProvider {

    @Override
    public List<ConfigOption<?>> options() {
        return optionsOf(PipelineOptions.class, ExecutionOptions.class, CheckpointingOptions.class,
                StateBackendOptions.class, StateRecoveryOptions.class, RestartStrategyOptions.class);
    }

    @Override
    public List<String> claimedNamespaces() {
        return List.of("execution.", "state.", "restart-strategy.", "pipeline.", "parallelism.");
    }

    /**
     * The public static {@code ConfigOption} fields of the given holder classes, in declaration
     * order, so a new option in a holder is registered without a second list to keep in step.
     */
    public static List<ConfigOption<?>> optionsOf(Class<?>... holders) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && field.getType() == ConfigOption.class) {
                    try {
                        options.add((ConfigOption<?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("public field " + field + " is not readable", e);
                    }
                }
            }
        }
        return options;
    }
}
