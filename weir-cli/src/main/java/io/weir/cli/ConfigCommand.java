package io.weir.cli;

import io.weir.api.configuration.ConfigOptionRegistry;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code weir config list|docs}: the configuration options Weir knows, from their declarations. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the configuration options: 'list' as text, 'docs' as the Markdown page"
                + " docs/configuration.md.")
final class ConfigCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose list or docs.");
    }

    @Command(name = "list", description = "Every option: key, type, default, description, deprecated keys.")
    void list() {
        print(ConfigurationDocs.list(ConfigOptionRegistry.global()));
    }

    @Command(name = "docs", description = "The Markdown reference page, as checked in at docs/configuration.md.")
    void docs() {
        print(ConfigurationDocs.markdown(ConfigOptionRegistry.global()));
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
