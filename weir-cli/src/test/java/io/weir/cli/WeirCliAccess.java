package io.weir.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI's command line for tests of other packages, writing to the given writers; no config.yaml. */
public final class WeirCliAccess {

    private WeirCliAccess() {
    }

    public static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = WeirCli.commandLine(null);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
