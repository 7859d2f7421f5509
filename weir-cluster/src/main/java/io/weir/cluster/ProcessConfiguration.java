package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.runtime.configuration.GlobalConfiguration;
import java.nio.file.Path;

/**
 * The configuration of a JobManager or TaskManager process: {@code config.yaml} of the directory
 * {@code --configDir <dir>} (or {@code $WEIR_CONF_DIR}), then {@code -D key=value} arguments, which
 * win. Every key is checked against the declared options, as {@code bin/weir run} does.
 */
final class ProcessConfiguration {
    private ProcessConfiguration() {}

    /** @throws IllegalArgumentException for an argument it does not understand, saying which */
    static Configuration fromArguments(String[] args) {
        Configuration configuration = new Configuration();
        String confDir = System.getenv(GlobalConfiguration.CONF_DIR_VARIABLE);
        Configuration dynamic = new Configuration();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--configDir") && i + 1 < args.length) {
                confDir = args[++i];
            } else if (arg.equals("-D") && i + 1 < args.length) {
                set(dynamic, args[++i]);
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                set(dynamic, arg.substring(2));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "': expected --configDir <dir> or"
                        + " -D key=value");
            }
        }
        if (confDir != null) {
            configuration.addAll(GlobalConfiguration.loadConfiguration(Path.of(confDir)));
        }
        configuration.addAll(dynamic);
        return configuration;
    }

    private static void set(Configuration configuration, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("-D needs key=value, got '" + keyValue + "'");
        }
        configuration.setString(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1).trim());
    }
}
