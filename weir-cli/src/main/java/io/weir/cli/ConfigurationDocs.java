package io.weir.cli;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the configuration reference from the {@link ConfigOptionRegistry}: the Markdown page
 * {@code docs/configuration.md} and the plain list of {@code bin/weir config list}. Nothing here
 * is written by hand, so the reference cannot drift from the declarations.
 */
public final class ConfigurationDocs {

    /** How to bring the checked-in page up to date; the test that compares them prints it. */
    public static final String REGENERATE = "bin/weir config docs > docs/configuration.md"
            + "   (build first: ./mvnw -o -q package -DskipTests)";

    private ConfigurationDocs() {}

    /** The Markdown page: one table per top-level namespace, keys sorted. */
    public static String markdown(ConfigOptionRegistry registry) {
        StringBuilder page = new StringBuilder();
        page.append("# Configuration\n\n")
                .append("<!-- Generated from the declared options by `bin/weir config docs`; do not edit. -->\n\n")
                .append("Weir reads settings, lowest precedence first, from each option's default, ")
                .append("`conf/config.yaml` of the distribution (or `$WEIR_CONF_DIR/config.yaml`), ")
                .append("`bin/weir run -D key=value` and `-p <n>`, and the job's code ")
                .append("(`StreamExecutionEnvironment.getExecutionEnvironment(configuration)`, `env.configure(...)` ")
                .append("and the setters). `bin/weir config list` prints the same options as this page.\n\n")
                .append("Durations are written `100 ms`, `5 s`, `2 min`, `1 h`, `1 d` (a bare number is ")
                .append("milliseconds); memory sizes `64kb`, `32 mb`, `1g`; lists `a;b;c`; maps `k1:v1,k2:v2`; ")
                .append("enum values by name, ignoring case.\n\n")
                .append("A key under one of the namespaces ")
                .append(String.join(", ", registry.claimedNamespaces().stream().map(n -> "`" + n + "`").toList()))
                .append(" that no option below declares is a mistake: Weir fails at start and names the closest ")
                .append("key. Other keys (connector and user settings) pass through. A deprecated key still works, ")
                .append("with one warning naming the key to use.\n");
        for (Map.Entry<String, List<ConfigOption<?>>> group : byNamespace(registry).entrySet()) {
            page.append("\n## ").append(group.getKey()).append("\n\n")
                    .append("| Key | Type | Default | Description |\n|---|---|---|---|\n");
            for (ConfigOption<?> option : group.getValue()) {
                page.append("| `").append(option.key()).append("` | ").append(cell(option.typeName())).append(" | ")
                        .append(cell(defaultText(option))).append(" | ").append(cell(details(option))).append(" |\n");
            }
        }
        return page.toString();
    }

    /** The plain listing: key, type and default on one line, the description indented below. */
    static String list(ConfigOptionRegistry registry) {
        StringBuilder out = new StringBuilder();
        for (ConfigOption<?> option : registry.options()) {
            out.append(option.key()).append("  (").append(option.typeName()).append(", default ")
                    .append(defaultText(option)).append(")\n    ").append(details(option)).append('\n');
        }
        return out.toString();
    }

    private static Map<String, List<ConfigOption<?>>> byNamespace(ConfigOptionRegistry registry) {
        Map<String, List<ConfigOption<?>>> groups = new LinkedHashMap<>();
        for (ConfigOption<?> option : registry.options()) {
            int dot = option.key().indexOf('.');
            String namespace = dot < 0 ? option.key() : option.key().substring(0, dot);
            groups.computeIfAbsent(namespace, n -> new ArrayList<>()).add(option);
        }
        return groups;
    }

    private static <T> String defaultText(ConfigOption<T> option) {
        return option.hasDefaultValue() ? option.format(option.defaultValue()) : "none";
    }

    private static String details(ConfigOption<?> option) {
        StringBuilder text = new StringBuilder(option.description());
        if (!option.possibleValues().isEmpty()) {
            text.append(" Values: ").append(String.join(", ", option.possibleValues())).append('.');
        }
        if (option.requirement() != null) {
            text.append(" Must ").append(option.requirement()).append('.');
        }
        if (!option.fallbackKeys().isEmpty()) {
            text.append(" Falls back to: ").append(String.join(", ", option.fallbackKeys())).append('.');
        }
        if (!option.deprecatedKeys().isEmpty()) {
            text.append(" Deprecated keys: ").append(String.join(", ", option.deprecatedKeys())).append('.');
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
