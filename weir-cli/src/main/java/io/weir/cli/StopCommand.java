package io.weir.cli;

import java.nio.file.Path;
import java.io.PrintWriter;
import io.weir.web.JobManagerRestClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir stop <job-id>}: stops a running job with a savepoint. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = {"Stop a running job with a savepoint: its sources stop, sinks commit what the savepoint covers,"
                + " and the job finishes. A job resumed from the savepoint (bin/weir run -s) continues exactly there."})
final class StopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job-id>", description = "The job's id (32 hex digits).")
    String jobId;

    @Option(names = {"-p", "--savepointPath"}, paramLabel = "<dir>",
            description = "Where the savepoint's directory is created; default: execution.checkpointing.savepoint-dir.")
    String savepointPath;

    @Option(names = {"-d", "--drain"},
            description = "First advance event time to its end, so every event-time window and timer fires: for a job"
                    + " that stops for good.")
    boolean drain;

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = JobManagerRestAddress.OPTION_DESCRIPTION)
    String jobManager;

    /** Where config.yaml is looked for (high availability settings); {@code null} for no file. */
    Path confDir;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "600",
            description = "How long to wait for the savepoint and the job's end (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String location;
        try {
            location = restClient().stopWithSavepoint(jobId, savepointPath, drain,
                    Duration.ofSeconds(timeoutSeconds));
        } catch (JobManagerRestClient.RequestFailedException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Job " + jobId + " stopped with savepoint: " + location);
        out.println("Resume from it with: bin/weir run -s " + location + " ...");
        out.flush();
        return 0;
    }

    private JobManagerRestClient restClient() {
        return JobManagerRestAddress.client(jobManager, confDir);
    }
}
