package io.weir.api.configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every configuration option Weir knows, gathered from the {@link ConfigOptionProvider}s on the
 * class path: the API's own options and those of each module above it. {@link Configuration} asks
 * it what a string key means; the docs page and {@code bin/weir config list} are generated from it.
 *
 * <p>A key is one of: an option's current key; a deprecated key of an option (accepted with a
 * warning); an unknown key under a claimed namespace (a misspelling: rejected with the closest
 * known key); or any other key, which passes through for connectors and user code.
 *
 * <p>{@link #global()} sees the providers of the class path Weir itself is loaded from (the
 * distribution's {@code lib/}, or a test's class path); options that only a job's own jar
 * declares are not claimed there, so their keys pass through as strings and are parsed when the
 * job reads them.
 *
 * <p>Threading: immutable once built; {@link #global()} is safe to call from any thread.
 */
public final class ConfigOptionRegistry {
    private static volatile ConfigOptionRegistry global;

    private final TreeMap<String, ConfigOption<?>> byKey = new TreeMap<>();
    private final Map<String, ConfigOption<?>> byDeprecatedKey = new HashMap<>();
    private final List<String> namespaces = new ArrayList<>();

    private ConfigOptionRegistry(Collection<? extends ConfigOptionProvider> providers) {
        for (ConfigOptionProvider provider : providers) {
            for (ConfigOption<?> option : provider.options()) {
                register(option, provider);
            }
            for (String namespace : provider.claimedNamespaces()) {
                if (!namespace.endsWith(".")) {
                    throw new IllegalStateException(provider.getClass().getName() + " claims namespace '" + namespace
                            + "', which does not end in '.'");
                }
                if (!namespaces.contains(namespace)) {
                    namespaces.add(namespace);
                }
            }
        }
        for (String deprecated : byDeprecatedKey.keySet()) {
            if (byKey.containsKey(deprecated)) {
                throw new IllegalStateException("'" + deprecated + "' is both a current key and a deprecated key of '"
                        + byDeprecatedKey.get(deprecated).key() + "'");
            }
        }
    }

    private void register(ConfigOption<?> option, ConfigOptionProvider provider) {
        ConfigOption<?> previous = byKey.putIfAbsent(option.key(), option);
        if (previous != null && !previous.equals(option)) {
            throw new IllegalStateException("Configuration key '" + option.key() + "' is declared twice, differently"
                    + " (again by " + provider.getClass().getName() + ")");
        }
        for (String deprecated : option.deprecatedKeys()) {
            byDeprecatedKey.put(deprecated, option);
        }
    }

    /** The options of the providers that the API's class loader finds; loaded once. */
    public static ConfigOptionRegistry global() {
        ConfigOptionRegistry registry = global;
        if (registry == null) {
            synchronized (ConfigOptionRegistry.class) {
                registry = global;
                if (registry == null) {
                    registry = load(ConfigOptionRegistry.class.getClassLoader());
                    global = registry;
                }
            }
        }
        return registry;
    }

    /** The options of the providers that {@code classLoader} finds. */
    public static ConfigOptionRegistry load(ClassLoader classLoader) {
        List<ConfigOptionProvider> providers = new ArrayList<>();
        ServiceLoader.load(ConfigOptionProvider.class, classLoader).forEach(providers::add);
        providers.sort(Comparator.comparing(p -> p.getClass().getName()));
        return new ConfigOptionRegistry(providers);
    }

    /** A registry of exactly these providers (for tests and tools). */
    public static ConfigOptionRegistry of(Collection<? extends ConfigOptionProvider> providers) {
        return new ConfigOptionRegistry(providers);
    }

    /** All options, sorted by key. */
    public List<ConfigOption<?>> options() {
        return List.copyOf(byKey.values());
    }

    /** The claimed namespaces (key prefixes ending in '.'), in the order providers declared them. */
    public List<String> claimedNamespaces() {
        return List.copyOf(namespaces);
    }

    /** The option whose current or deprecated key this is. */
    public Optional<ConfigOption<?>> find(String key) {
        ConfigOption<?> option = byKey.get(key);
        return Optional.ofNullable(option != null ? option : byDeprecatedKey.get(key));
    }

    public boolean isDeprecatedKey(String key) {
        return byDeprecatedKey.containsKey(key);
    }

    /** Whether the key lies under a namespace some module owns, where unknown keys are errors. */
    public boolean isClaimed(String key) {
        for (String namespace : namespaces) {
            if (key.startsWith(namespace)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails if the key lies in a claimed namespace but no option declares it, with the closest
     * known key as a suggestion.
     *
     * @throws IllegalArgumentException "Unknown configuration key 'x'. Did you mean 'y'?"
     */
    public void checkKnown(String key) {
        if (find(key).isPresent() || !isClaimed(key)) {
            return;
        }
        String hint = closestKey(key).map(k -> " Did you mean '" + k + "'?").orElse("");
        throw new IllegalConfigurationException("Unknown configuration key '" + key + "'." + hint
                + " See all keys with: bin/weir config list");
    }

    /** The current key nearest to {@code key} by edit distance, if one is near enough to be a likely fix. */
    public Optional<String> closestKey(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byKey.keySet()) {
            int distance = editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
