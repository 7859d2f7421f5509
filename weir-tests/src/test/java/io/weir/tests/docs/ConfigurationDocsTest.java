package io.weir.tests.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weir.api.configuration.ConfigOptionRegistry;
import io.weir.cli.ConfigurationDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} equal to what the option declarations generate, so the
 * reference never drifts from the code. Surefire runs in the module directory: the page is at
 * {@code ../docs/}.
 */
class ConfigurationDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    @Test
    void checkedInPageIsWhatTheRegistryGenerates() throws IOException {
        assertTrue(Files.isRegularFile(PAGE), "The configuration page is missing; create it with: "
                + ConfigurationDocs.REGENERATE);
        String expected = ConfigurationDocs.markdown(ConfigOptionRegistry.global());
        String actual = Files.readString(PAGE);
        if (!expected.equals(actual)) {
            List<String> want = expected.lines().toList();
            List<String> have = actual.lines().toList();
            int line = 0;
            while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
                line++;
            }
            fail(PAGE + " differs from the declared options, first at line " + (line + 1) + ":\n  page:      "
                    + (line < have.size() ? have.get(line) : "<end of file>") + "\n  generated: "
                    + (line < want.size() ? want.get(line) : "<end of file>") + "\nRegenerate it with: "
                    + ConfigurationDocs.REGENERATE);
        }
    }

    @Test
    void pageNamesEveryRegisteredKey() throws IOException {
        String page = Files.readString(PAGE);
        ConfigOptionRegistry.global().options().forEach(option -> assertTrue(page.contains("`" + option.key() + "`"),
                option.key() + " is missing from " + PAGE));
    }
}
