package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.configuration.TaskManagerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JobManager forgets ended jobs beyond {@code jobstore.max-capacity}: a client asking after the
 * oldest one is told the JobManager knows no such job, and why; the newer ones still answer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobStoreTest {

    @Test
    void aJobManagerRemembersOnlyTheLatestEndedJobsUpToItsCapacity() throws Exception {
        Configuration jm = new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, 0)
                .set(JobStoreOptions.MAX_CAPACITY, 2);
        try (JobManagerProcess jobManager = new JobManagerProcess(jm);
                TaskManagerProcess taskManager = new TaskManagerProcess(new Configuration()
                        .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                        .set(JobManagerOptions.RPC_PORT, jobManager.address().getPort())
                        .set(TaskManagerOptions.HOST, "127.0.0.1"));
                RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            List<JobID> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
                env.fromSequence(1, 10).addSink(new DiscardingSink<>());
                var client = env.executeAsync("job " + i);
                client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
                jobs.add(client.getJobID());
            }
            String forgotten = awaitForgotten(executor, jobs.get(0));
            assertTrue(forgotten.contains("knows no job " + jobs.get(0)) && forgotten.contains("jobstore.max-capacity"),
                    forgotten);
            assertEquals(JobStatus.FINISHED, executor.jobClient(jobs.get(1)).getJobStatus().get(10, TimeUnit.SECONDS));
            assertEquals(JobStatus.FINISHED, executor.jobClient(jobs.get(2)).getJobStatus().get(10, TimeUnit.SECONDS));
            executor.jobClient(jobs.get(2)).getJobExecutionResult().get(10, TimeUnit.SECONDS); // its result, again
        }
    }

    /**
     * The JobManager forgets a job when the next one's end is recorded, which may come just after
     * the client heard of that end: asks until it is forgotten (the test's timeout bounds this).
     */
    private static String awaitForgotten(RemoteExecutor executor, JobID job) throws Exception {
        while (true) {
            try {
                executor.jobClient(job).getJobStatus().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return String.valueOf(e.getCause().getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
