package io.weir.cli;

import io.weir.runtime.configuration.GlobalConfiguration;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        subcommands = {RunCommand.class, InfoCommand.class, SqlCommand.class, ListCommand.class, CancelCommand.class, SavepointCommand.class,
            StopCommand.class, ExampleCommand.class, ConfigCommand.class, MigrateCommand.class, VersionCommand.class, HelpCommand.class},
        footer = {"", "Configuration: conf/config.yaml (or $WEIR_CONF_DIR/config.yaml) and run -D key=value;"
                + " the options: bin/weir config list.",
            "Benchmarks: bin/weir bench [args...] (runs io.weir.bench.BenchMain)."})
public final class WeirCli implements Runnable {

    /** The job's {@code main} threw. */
    static final int JOB_FAILED = 1;

    /** The user asked for something that cannot work; the message says what to change. */
    static final int USER_ERROR = 2;

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits with its code; also when a job left threads running. */
    public static void main(String[] args) {
        // The API's System.Logger goes to SLF4J (slf4j-jdk-platform-logging). What still logs to
        // java.util.logging directly gets one line per message shaped like SLF4J's, not two lines.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tH:%1$tM:%1$tS.%1$tL %4$s %3$s - %5$s%6$s%n");
        }
        System.exit(commandLine().execute(args));
    }

    /** A fresh command line writing to standard out and standard error. */
    static CommandLine commandLine() {
        return commandLine(confDirFromEnvironment());
    }

    /** A fresh command line whose jobs read {@code confDir/config.yaml} ({@code null}: no file). */
    static CommandLine commandLine(Path confDir) {
        CommandLine cli = new CommandLine(new WeirCli());
        ((RunCommand) cli.getSubcommands().get("run").getCommand()).confDir = confDir;
        ((InfoCommand) cli.getSubcommands().get("info").getCommand()).confDir = confDir;
        ((ExampleCommand) cli.getSubcommands().get("example").getCommand()).confDir = confDir;
        ((SqlCommand) cli.getSubcommands().get("sql").getCommand()).confDir = confDir;
        ((ListCommand) cli.getSubcommands().get("list").getCommand()).confDir = confDir;
        ((CancelCommand) cli.getSubcommands().get("cancel").getCommand()).confDir = confDir;
        ((StopCommand) cli.getSubcommands().get("stop").getCommand()).confDir = confDir;
        ((SavepointCommand) cli.getSubcommands().get("savepoint").getCommand()).confDir = confDir;
        // Everything after the main class (or example name) belongs to the job, options included.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.getSubcommands().get("example").setStopAtPositional(true);
        cli.setExecutionExceptionHandler(WeirCli::handleUserError);
        return cli;
    }

    /**
     * The directory {@code WEIR_CONF_DIR} names; {@code bin/weir} sets it to the distribution's
     * {@code conf/} unless the user set it. Unset (the CLI started some other way): no file.
     */
    static Path confDirFromEnvironment() {
        String dir = System.getenv(GlobalConfiguration.CONF_DIR_VARIABLE);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: choose one of run, sql, savepoint, stop, example, config, migrate, version.");
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
