package io.weir.cli;

import java.nio.file.Path;
import io.weir.web.JobManagerRestClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weir list}: the jobs of a cluster, through its REST API, as Flink's CLI prints them. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {"List the jobs of a JobManager, through its REST API: running ones first, then ended ones,"
                + " each with its start time, id, name and state."})
final class ListCommand implements Callable<Integer> {

    @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
            description = JobManagerRestAddress.OPTION_DESCRIPTION)
    String jobManager;

    /** Where config.yaml is looked for (high availability settings); {@code null} for no file. */
    Path confDir;

    @Option(names = {"-r", "--running"}, description = "Only the running jobs.")
    boolean runningOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<JobManagerRestClient.JobSummary> jobs;
        try {
            jobs = restClient().listJobs();
        } catch (JobManagerRestClient.RequestFailedException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<JobManagerRestClient.JobSummary> running = jobs.stream().filter(ListCommand::isRunning).toList();
        print(out, "Running/restarting jobs", running);
        if (!runningOnly) {
            print(out, "Ended jobs", jobs.stream().filter(job -> !isRunning(job)).toList());
        }
        out.flush();
        return 0;
    }

    private static boolean isRunning(JobManagerRestClient.JobSummary job) {
        return !List.of("FINISHED", "FAILED", "CANCELED").contains(job.state());
    }

    private static void print(PrintWriter out, String title, List<JobManagerRestClient.JobSummary> jobs) {
        if (jobs.isEmpty()) {
            out.println("No " + title.toLowerCase(java.util.Locale.ROOT) + ".");
            return;
        }
        out.println("------------------ " + title + " ------------------");
        for (JobManagerRestClient.JobSummary job : jobs) {
            out.println(Instant.ofEpochMilli(job.startTime()) + " : " + job.id() + " : " + job.name() + " ("
                    + job.state() + ")");
        }
    }

    private JobManagerRestClient restClient() {
        return JobManagerRestAddress.client(jobManager, confDir);
    }
}
