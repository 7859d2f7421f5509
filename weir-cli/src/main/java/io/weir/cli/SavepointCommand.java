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

/** {@code weir savepoint <job-id> [dir]}: takes a savepoint of a running job; the job goes on. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        subcommands = SavepointInspectCommand.class,
        description = {"Take a savepoint of a running job, through the REST API of the JobManager that runs it.",
            "The job keeps running. Resume from the savepoint with: bin/weir run -s <savepoint> ...",
            "bin/weir savepoint inspect <dir> lists what a savepoint holds."})
final class SavepointCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<job-id>", description = "The job's id (32 hex digits).")
    String jobId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<target-directory>",
            description = "Where the savepoint's directory is created; default: execution.checkpointing.savepoint-dir.")
    String targetDirectory;

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = JobManagerRestAddress.OPTION_DESCRIPTION)
    String jobManager;

    /** Where config.yaml is looked for (high availability settings); {@code null} for no file. */
    Path confDir;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "600",
            description = "How long to wait for the savepoint (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (jobId == null) {
            throw new UserError("Missing <job-id>: bin/weir savepoint <job-id> [target-directory]"
                    + " (or bin/weir savepoint inspect <dir>).");
        }
        String location;
        try {
            location = restClient().triggerSavepoint(jobId, targetDirectory,
                    Duration.ofSeconds(timeoutSeconds));
        } catch (JobManagerRestClient.RequestFailedException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Savepoint completed: " + location);
        out.println("Resume from it with: bin/weir run -s " + location + " ...");
        out.flush();
        return 0;
    }

    private JobManagerRestClient restClient() {
        return JobManagerRestAddress.client(jobManager, confDir);
    }
}
