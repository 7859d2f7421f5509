package io.weir.api.configuration;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns once per JVM for each deprecated key that is used, naming the key to use instead, so a
 * configuration read many times (once per job, per task) does not repeat itself.
 */
final class DeprecatedKeyWarnings {
    private static final System.Logger LOG = System.getLogger(Configuration.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private DeprecatedKeyWarnings() {}

    static void warnOnce(String deprecatedKey, String currentKey) {
        if (WARNED.add(deprecatedKey)) {
            LOG.log(Level.WARNING, "Configuration key '" + deprecatedKey + "' is deprecated; use '" + currentKey
                    + "' instead. The value is used for '" + currentKey + "'.");
        }
    }
}
