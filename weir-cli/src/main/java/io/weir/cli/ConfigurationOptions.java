package io.weir.cli;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.configuration.GlobalConfiguration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code -D key=value} and {@code -p N} options of the commands that run jobs, and the
 * configuration they make together with {@code config.yaml}.
 *
 * <p>Precedence, lowest first: each option's default, {@code config.yaml} (in the distribution's
 * {@code conf/} or {@code $WEIR_CONF_DIR}), {@code -D}, {@code -p}, and last what the job's code sets
 * (it passes its own configuration to {@code getExecutionEnvironment} or calls the setters).
 */
final class ConfigurationOptions {

    @Option(
            names = "-D",
            paramLabel = "<key>=<value>",
            mapFallbackValue = "",
            description = "Set a configuration option, over conf/config.yaml; repeat for more."
                    + " List the options with: bin/weir config list")
    private Map<String, String> dynamicProperties = new LinkedHashMap<>();

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<n>",
            description = "Default parallelism of the job's operators (parallelism.default).")
    private Integer parallelism;

    /**
     * The configuration file's settings overlaid with the options.
     *
     * @param confDir the directory of {@code config.yaml}, or {@code null} for none
     * @throws UserError for a malformed file, an unknown key or a bad value, naming where it is
     */
    Configuration configuration(Path confDir) {
        Configuration configuration;
        try {
            configuration = confDir == null ? new Configuration() : GlobalConfiguration.loadConfiguration(confDir);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        for (Map.Entry<String, String> property : dynamicProperties.entrySet()) {
            try {
                configuration.setString(property.getKey(), property.getValue());
            } catch (IllegalArgumentException e) {
                throw new UserError("-D " + property.getKey() + "=" + property.getValue() + ": " + e.getMessage());
            }
        }
        if (parallelism != null) {
            try {
                configuration.set(PipelineOptions.PARALLELISM, parallelism);
            } catch (IllegalArgumentException e) {
                throw new UserError("-p " + parallelism + ": " + e.getMessage());
            }
        }
        return configuration;
    }

    /**
     * Makes {@code getExecutionEnvironment()} in the job return local environments with
     * {@code configuration} under what the job passes itself. Undo with {@link #uninstall()}.
     */
    static void install(Configuration configuration) {
        StreamExecutionEnvironment.initializeContextEnvironment(fromCode -> {
            Configuration merged = new Configuration(configuration);
            merged.addAll(fromCode);
            return new StreamExecutionEnvironment(merged);
        });
    }

    /** As {@link #install(Configuration)}, with the jobs submitted through {@code executor} (a cluster's). */
    static void install(Configuration configuration, io.weir.api.execution.PipelineExecutor executor) {
        StreamExecutionEnvironment.initializeContextEnvironment(fromCode -> {
            Configuration merged = new Configuration(configuration);
            merged.addAll(fromCode);
            return new StreamExecutionEnvironment(executor, merged);
        });
    }

    static void uninstall() {
        StreamExecutionEnvironment.resetContextEnvironment();
    }
}
