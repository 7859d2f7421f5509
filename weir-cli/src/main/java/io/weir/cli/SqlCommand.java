package io.weir.cli;

import io.weir.api.configuration.Configuration;
import io.weir.cli.sql.ClientCluster;
import io.weir.cluster.RemoteExecutor;
import io.weir.cli.sql.SqlClient;
import io.weir.cli.sql.SqlPrompt;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.session.SqlSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weir sql}: Flink's SQL client. Without {@code -f} or {@code -e} it is interactive (after
 * running the {@code -i} scripts); with them it runs the scripts, stops at the first statement that
 * fails and exits with {@link WeirCli#USER_ERROR}. Jobs run on one embedded cluster per client.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {"The SQL client: an interactive prompt, or run SQL scripts (docs/sql.md#the-sql-client).",
            "Without -f or -e: a 'Weir SQL>' prompt (HELP; lists what it takes, QUIT; or Ctrl-D leaves)."})
final class SqlCommand implements Callable<Integer> {

    @Option(names = {"-i", "--init"}, paramLabel = "<init.sql>",
            description = "A script to run first, e.g. table definitions; repeat for more.")
    List<Path> initScripts = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "<script.sql>",
            description = "Run this script and exit (its INSERT jobs are waited for).")
    Path script;

    @Option(names = {"-e", "--execute"}, paramLabel = "<statement>", description = "Run this statement and exit.")
    String statement;

    @Option(names = {"-hist", "--history"}, paramLabel = "<file>",
            description = "The prompt's history file (default: ~/.weir/sql-history).")
    Path historyFile;

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = "Submit the INSERT jobs to the cluster whose JobManager listens at host:port (its"
                    + " jobmanager.rpc.port) instead of an embedded cluster; they keep running when the client exits.")
    String jobManager;

    @Mixin
    private ConfigurationOptions configurationOptions;

    @Spec
    private CommandSpec spec;

    /** Where config.yaml is looked for; {@code null} for no file. */
    Path confDir;

    @Override
    public Integer call() throws IOException {
        try (ClientCluster cluster = cluster(configurationOptions.configuration(confDir))) {
            SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
            boolean interactive = script == null && statement == null;
            if (!interactive) {
                PrintWriter out = spec.commandLine().getOut();
                return runScripts(SqlClient.forScripts(session, cluster, out)) ? 0 : WeirCli.USER_ERROR;
            }
            Path history = historyFile != null ? historyFile
                    : Path.of(System.getProperty("user.home"), ".weir", "sql-history");
            return SqlPrompt.runOnSystemTerminal(session, cluster, history, this::runScripts) ? 0 : WeirCli.USER_ERROR;
        }
    }

    private ClientCluster cluster(Configuration configuration) {
        if (jobManager == null) {
            return ClientCluster.start(configuration);
        }
        try {
            return ClientCluster.connect(configuration, new RemoteExecutor(RunCommand.jobManagerAddress(jobManager)));
        } catch (IllegalStateException | IllegalArgumentException unreachable) {
            throw new UserError("cannot reach the JobManager at " + jobManager + ": " + unreachable.getMessage());
        }
    }

    /** The -i scripts, then -f, then -e; false as soon as a statement failed. */
    private boolean runScripts(SqlClient client) {
        List<Path> scripts = new ArrayList<>(initScripts);
        if (script != null) {
            scripts.add(script);
        }
        for (Path file : scripts) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UserError("cannot read the SQL script " + file + ": " + e.getMessage());
            }
            if (!client.runScript(text, file.toString())) {
                return false;
            }
        }
        return statement == null || client.runScript(statement, "-e");
    }
}
