package io.weir.cli;

import io.weir.api.configuration.Configuration;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir example}: runs one of the built-in examples from {@code lib/}, or lists them. */
@Command(
        name = "example",
        mixinStandardHelpOptions = true,
        description = "Run a built-in example by name; --list shows the names. -D and -p work as for run.",
        footer = {"", "All configuration options: bin/weir config list"})
final class ExampleCommand implements Callable<Integer> {

    @Option(names = "--list", description = "List the examples with a one-line description.")
    private boolean list;

    @Mixin
    private ConfigurationOptions configurationOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "The example to run.")
    private String name;

    @Parameters(index = "1..*", paramLabel = "<args>", description = "Passed to the example's main unchanged.")
    private List<String> args = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** Where config.yaml is looked for; {@code null} for no file. */
    Path confDir;

    @Override
    public Integer call() {
        if (list) {
            printList(spec.commandLine().getOut());
            return 0;
        }
        if (name == null) {
            throw new UserError("name the example to run (" + Example.shortNames()
                    + "), or see them with: weir example --list");
        }
        Example example = Example.byShortName(name)
                .orElseThrow(() -> new UserError("there is no example named '" + name + "'; the examples are: "
                        + Example.shortNames() + "."));
        if (args.contains("--help") || args.contains("-h")) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Usage: weir example [-D key=value]... [-p <parallelism>] " + example.shortName() + " "
                    + example.arguments());
            out.println(example.description());
            out.flush();
            return 0;
        }
        Configuration configuration = configurationOptions.configuration(confDir);
        ClassLoader loader = JobLauncher.classLoaderFor(List.of());
        Method main;
        try {
            main = JobLauncher.findMain(loader, example.mainClass());
        } catch (ClassNotFoundException e) {
            throw new UserError("example '" + name + "' is class " + example.mainClass()
                    + ", which is not in lib/; rebuild the distribution with: ./mvnw -q install -DskipTests");
        }
        ConfigurationOptions.install(configuration);
        try {
            return JobLauncher.invoke(main, loader, args, spec.commandLine().getErr());
        } finally {
            ConfigurationOptions.uninstall();
        }
    }

    private static void printList(PrintWriter out) {
        int width = 0;
        for (Example example : Example.values()) {
            width = Math.max(width, example.shortName().length());
        }
        for (Example example : Example.values()) {
            out.printf("%-" + width + "s  %s%n", example.shortName(), example.description());
        }
        out.flush();
    }
}
