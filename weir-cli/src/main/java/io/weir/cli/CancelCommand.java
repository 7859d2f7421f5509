package io.weir.cli;

import java.nio.file.Path;
import io.weir.web.JobManagerRestClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir cancel <job-id>}: cancels a running job, through the REST API of its JobManager. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = {"Cancel a running job, through the REST API of the JobManager that runs it. The job ends"
                + " CANCELED without a savepoint; to keep its state, use bin/weir stop <job-id> instead."})
final class CancelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job-id>", description = "The job's id (32 hex digits; bin/weir list shows it).")
    String jobId;

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = JobManagerRestAddress.OPTION_DESCRIPTION)
    String jobManager;

    /** Where config.yaml is looked for (high availability settings); {@code null} for no file. */
    Path confDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!jobId.matches("[0-9a-fA-F]{32}")) {
            throw new UserError("'" + jobId + "' is not a job id (32 hex digits); bin/weir list "
                    + (jobManager == null ? "" : "-m " + jobManager)
                    + " shows the jobs' ids.");
        }
        try {
            restClient().cancel(jobId);
        } catch (JobManagerRestClient.RequestFailedException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Cancelled job " + jobId + ".");
        out.flush();
        return 0;
    }

    private JobManagerRestClient restClient() {
        return JobManagerRestAddress.client(jobManager, confDir);
    }
}
