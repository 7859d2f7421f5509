package io.weir.runtime.configuration;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the settings of an installation from {@code <conf dir>/config.yaml}: the distribution's
 * {@code conf/}, or the directory the {@code WEIR_CONF_DIR} environment variable names.
 */
public final class GlobalConfiguration {
    /** The file in the configuration directory. */
    public static final String FILE_NAME = "config.yaml";

    /** The environment variable that points at another configuration directory. */
    public static final String CONF_DIR_VARIABLE = "WEIR_CONF_DIR";

    private GlobalConfiguration() {}

    /**
     * The settings in {@code confDir/config.yaml}, each checked like {@code Configuration.setString};
     * no file means no settings.
     *
     * @throws IllegalConfigurationException naming the file and line of a malformed line, unknown key
     *     or bad value, or if {@code confDir} is not a directory
     */
    public static Configuration loadConfiguration(Path confDir) {
        if (!Files.isDirectory(confDir)) {
            throw new IllegalConfigurationException("The configuration directory " + confDir + " does not exist; "
                    + "point " + CONF_DIR_VARIABLE + " at a directory holding " + FILE_NAME + ", or unset it.");
        }
        Path file = confDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Configuration();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return fromYaml(text, file.toString());
    }

    /** The settings in {@code text}, a config.yaml whose errors name {@code source}. */
    public static Configuration fromYaml(String text, String source) {
        Configuration configuration = new Configuration();
        for (ConfigYaml.Entry entry : ConfigYaml.parse(text, source)) {
            try {
                configuration.setString(entry.key(), entry.value());
            } catch (IllegalArgumentException e) {
                throw new IllegalConfigurationException(source + " line " + entry.line() + ": " + e.getMessage(), e);
            }
        }
        return configuration;
    }
}
