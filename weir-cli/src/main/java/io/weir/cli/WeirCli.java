package io.weir.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code bin/weir}: parses the command line and dispatches to a subcommand.
 *
 * <p>{@code bin/weir bench ...} does not come here: the launcher script starts the benchmark
 * main class directly, so benchmarks run in a JVM that has loaded nothing of the CLI.
 */
@Command(
        name = "weir",
        mixinStandardHelpOptions = true,
        versionProvider = WeirVersion.class,
        description = "Runs Weir jobs on an embedded local cluster.",
        subcommands = {RunCommand.class, ExampleCommand.class, VersionCommand.class, HelpCommand.class},
        footer = {"", "Benchmarks: bin/weir bench [args...] (runs io.weir.bench.BenchMain).",
            "SQL: bin/weir sql [-i init.sql] -f job.sql | -e statement (runs io.weir.sql.client.SqlClient)."})
public final class WeirCli implements Runnable {

    /** The job's {@code main} threw. */
    static final int JOB_FAILED = 1;

    /** The user asked for something that cannot work; the message says what to change. */
    static final int USER_ERROR = 2;

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits with its code; also when a job left threads running. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A fresh command line writing to standard out and standard error. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WeirCli());
        // Everything after the main class (or example name) belongs to the job, options included.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.getSubcommands().get("example").setStopAtPositional(true);
        cli.setExecutionExceptionHandler(WeirCli::handleUserError);
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of run, example, version.");
    }

    private static int handleUserError(Exception e, CommandLine cli, CommandLine.ParseResult parsed)
            throws Exception {
        if (!(e instanceof UserError)) {
            throw e;
        }
        PrintWriter err = cli.getErr();
        err.println("Error: " + e.getMessage());
        err.flush();
        return USER_ERROR;
    }
}
