package io.weir.cli;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.cluster.RemoteExecutor;
import io.weir.cluster.ha.HighAvailabilityOptions;
import java.net.InetSocketAddress;
import io.weir.web.WebOptions;
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

/** {@code weir run}: calls the {@code main} of the user's job class in this JVM. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a job: call the main method of <main-class>.",
            "With --web, the job's cluster serves the REST API and the web dashboard (docs/monitoring.md)"
                    + " while the job runs;"
                    + " its URL is logged when the job starts, and it stops when the job ends.",
            "The class is looked up in the distribution's lib/ and in the -c jars and directories."
                    + " Everything after <main-class> goes to main unchanged. The process exits when"
                    + " main returns.",
            "Settings come from conf/config.yaml (or $WEIR_CONF_DIR/config.yaml), then -D and -p,"
                    + " then what the job sets in code."
        },
        footer = {"", "All configuration options: bin/weir config list"})
final class RunCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--classpath"},
            paramLabel = "<jar-or-dir>",
            description = "A jar or a directory of classes holding the job; repeat for more.")
    private List<Path> classpath = new ArrayList<>();

    @Option(names = "--web", description = "Serve the REST API and the web dashboard of the job's cluster while the job runs.")
    private boolean web;

    @Option(
            names = "--web-port",
            paramLabel = "<port>",
            defaultValue = "0",
            description = "Port of the REST API with --web (default: any free port; the URL is logged).")
    private int webPort;

    @Mixin
    private ConfigurationOptions configurationOptions;

    @Option(names = {"-s", "--fromSavepoint"}, paramLabel = "<path>",
            description = "Start the job from this savepoint or retained checkpoint (its directory or _metadata file);"
                    + " sets execution.state-recovery.path.")
    private String fromSavepoint;

    @Option(names = {"-n", "--allowNonRestoredState"},
            description = "With -s: let the job start although the savepoint has state of an operator the job no longer"
                    + " has (that state is dropped); sets execution.state-recovery.ignore-unclaimed-state.")
    private boolean allowNonRestoredState;

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = "Submit the job to the cluster whose JobManager listens at host:port (its jobmanager.rpc.port)"
                    + " instead of running it on an embedded local cluster. The -c jars and directories are shipped to"
                    + " the cluster with the job. Without -m, a configuration with high-availability.type: ZOOKEEPER"
                    + " submits to the leading JobManager that ZooKeeper names.")
    private String jobManager;

    @Parameters(index = "0", paramLabel = "<main-class>", description = "Fully qualified name of the job's main class.")
    private String mainClass;

    @Parameters(index = "1..*", paramLabel = "<job-args>", description = "Passed to the job's main unchanged.")
    private List<String> jobArgs = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** Where config.yaml is looked for; {@code null} for no file. */
    Path confDir;

    @Override
    public Integer call() {
        Configuration configuration = configurationOptions.configuration(confDir);
        if (web) {
            if (webPort < 0 || webPort > 65535) {
                throw new UserError("--web-port must be between 0 and 65535 (0 = any free port), got " + webPort + ".");
            }
            configuration.set(WebOptions.PORT, webPort);
        }
        if (fromSavepoint != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, fromSavepoint);
        }
        if (allowNonRestoredState) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        ClassLoader loader = JobLauncher.classLoaderFor(classpath);
        Method main;
        try {
            main = JobLauncher.findMain(loader, mainClass);
        } catch (ClassNotFoundException e) {
            String where = classpath.isEmpty() ? "the distribution's lib/" : classpath + " or the distribution's lib/";
            throw new UserError("main class '" + mainClass + "' was not found in " + where
                    + "; check the fully qualified name and pass the job's jar with -c <jar>.");
        }
        boolean highlyAvailable = jobManager == null && HighAvailabilityOptions.isEnabled(configuration);
        if (jobManager == null && !highlyAvailable) {
            ConfigurationOptions.install(configuration);
            try {
                return JobLauncher.invoke(main, loader, jobArgs, spec.commandLine().getErr());
            } finally {
                ConfigurationOptions.uninstall();
            }
        }
        try (RemoteExecutor executor = highlyAvailable ? RemoteExecutor.forHighAvailableCluster(configuration)
                : new RemoteExecutor(jobManagerAddress(jobManager), configuration)) {
            ConfigurationOptions.install(configuration, executor);
            return JobLauncher.invoke(main, loader, jobArgs, spec.commandLine().getErr());
        } catch (io.weir.api.configuration.IllegalConfigurationException badTls) {
            throw new UserError(badTls.getMessage());
        } catch (IllegalStateException | IllegalArgumentException unreachable) {
            throw new UserError("cannot reach the " + (highlyAvailable ? "cluster's leading JobManager"
                    : "JobManager at " + jobManager) + ": " + unreachable.getMessage());
        } finally {
            ConfigurationOptions.uninstall();
        }
    }

    /** {@code host:port} as an address, or a user error saying what is wrong with it. */
    static InetSocketAddress jobManagerAddress(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new UserError("-m needs host:port (the JobManager's jobmanager.rpc.port), got '" + hostAndPort + "'.");
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserError("-m needs host:port with a numeric port, got '" + hostAndPort + "'.");
        }
        if (port < 1 || port > 65535) {
            throw new UserError("-m: the port must be between 1 and 65535, got " + port + ".");
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon), port);
    }
}
