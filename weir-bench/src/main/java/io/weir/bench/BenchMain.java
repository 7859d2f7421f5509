package io.weir.bench;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code bin/weir bench}: the Nexmark suite, the startup figure and the JMH
 * micro-benchmarks. See {@code docs/benchmarks.md} for the method.
 */
@Command(
        name = "weir bench",
        mixinStandardHelpOptions = true,
        description = "Measures Weir: Nexmark throughput, startup time and hot-path micro-benchmarks.",
        subcommands = {NexmarkCommand.class, StartupCommand.class, RecoveryCommand.class, CompareCommand.class, SuiteCompareCommand.class,
                KafkaCommand.class, JdbcCommand.class, JmhCommand.class, HelpCommand.class})
public final class BenchMain implements Runnable {
    /** The user asked for something that cannot work; the message says what to change. */
    static final int USER_ERROR = 2;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BenchMain());
        // Everything after "jmh" goes to JMH as it is, its options included.
        CommandLine jmh = cli.getSubcommands().get("jmh");
        jmh.setUnmatchedOptionsArePositionalParams(true);
        jmh.setStopAtPositional(true);
        cli.setExecutionExceptionHandler(BenchMain::handleUserError);
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of nexmark, startup, recovery, compare, jmh.");
    }

    private static int handleUserError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        if (!(e instanceof IllegalArgumentException)) {
            throw e;
        }
        PrintWriter err = cli.getErr();
        err.println("Error: " + e.getMessage());
        err.flush();
        return USER_ERROR;
    }
}
