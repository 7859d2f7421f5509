package io.weir.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weir version}: the same lines as {@code weir --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the Weir and Java versions.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : WeirVersion.lines()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
