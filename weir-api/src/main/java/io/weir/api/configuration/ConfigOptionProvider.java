package io.weir.api.configuration;

import java.util.List;

/**
 * Contributes options to the {@link ConfigOptionRegistry}. Each module that declares options lists
 * its provider in {@code META-INF/services/io.weir.api.configuration.ConfigOptionProvider}, so
 * layers above the API (runtime, CLI, connectors) add their options without the API knowing them.
 */
public interface ConfigOptionProvider {
    /** The options this module declares. */
    List<ConfigOption<?>> options();

    /**
     * Key prefixes, each ending in '.', that this module owns, such as {@code "execution."}: a key
     * under one of them that no option declares is a misspelling and fails with a "did you mean".
     * Keys under no claimed prefix pass through unchecked (connector and user keys).
     */
    default List<String> claimedNamespaces() {
        return List.of();
    }
}
