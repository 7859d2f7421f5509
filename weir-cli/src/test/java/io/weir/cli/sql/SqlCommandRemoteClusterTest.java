package io.weir.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.cli.WeirCliAccess;
import io.weir.cluster.JobManagerProcess;
import io.weir.cluster.TaskManagerProcess;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.jobmaster.JobDetails;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/weir sql -m host:port}: the client's INSERT jobs and queries run on a cluster of a
 * JobManager and a TaskManager (their process classes, in this JVM, reached only over the control
 * plane), not in the client; the job is then the cluster's, which reports it finished, and a query's
 * rows come back to the client.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SqlCommandRemoteClusterTest {

    private static JobManagerProcess jobManager;
    private static TaskManagerProcess taskManager;
    private static String address;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startCluster() {
        jobManager = new JobManagerProcess(new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, 0));
        address = "127.0.0.1:" + jobManager.address().getPort();
        taskManager = new TaskManagerProcess(new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, jobManager.address().getPort())
                .set(TaskManagerOptions.HOST, "127.0.0.1")
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(JobManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200)));
    }

    @AfterAll
    static void stopCluster() {
        taskManager.close();
        jobManager.close();
    }

    @Test
    void insertJobsRunOnTheClusterTheClientNames() throws Exception {
        int exit = WeirCliAccess.run(out, err, "sql", "-m", address, "-D", "parallelism.default=2", "-e", """
                CREATE TABLE gen (id INT) WITH ('connector' = 'datagen',
                  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000');
                CREATE TABLE sink (id INT, twice INT) WITH ('connector' = 'blackhole');
                INSERT INTO sink SELECT id, id * 2 FROM gen;
                """);
        String printed = out.toString();
        assertEquals(0, exit, printed + err);
        assertTrue(printed.endsWith("[INFO] Complete execution of the SQL update statement.\n"), printed);
        Matcher id = Pattern.compile("Job ID: (\\p{XDigit}{32})").matcher(printed);
        assertTrue(id.find(), printed);
        JobDetails job = jobManager.cluster().jobDetails(JobID.fromHexString(id.group(1))).orElseThrow()
                .get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.FINISHED, job.status());
        assertEquals("insert-into_default_catalog.default_database.sink", job.name());
    }

    /** A query runs on the cluster too; its rows come back to the client from the JobManager. */
    @Test
    void aQueryRunsOnTheClusterAndItsRowsArePrintedHere() throws Exception {
        int jobsBefore = jobManager.cluster().jobDetails().get(30, TimeUnit.SECONDS).size();
        int exit = WeirCliAccess.run(out, err, "sql", "-m", address, "-D", "parallelism.default=2", "-e", """
                CREATE TABLE gen (id INT) WITH ('connector' = 'datagen',
                  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100');
                SELECT COUNT(*) AS n, SUM(id) AS total FROM gen;
                """);
        String printed = out.toString();
        assertEquals(0, exit, printed + err);
        assertTrue(printed.matches("(?s).*\\|\\s+\\+[IU]\\s+\\|\\s+100\\s+\\|\\s+5050\\s+\\|.*"),
                printed);
        assertEquals(jobsBefore + 1, jobManager.cluster().jobDetails().get(30, TimeUnit.SECONDS).size(),
                "the query ran as a job of the cluster");
    }

    @Test
    void aMalformedAddressSaysWhatIsExpected() {
        int exit = WeirCliAccess.run(out, err, "sql", "-m", "localhost", "-e", "SHOW TABLES;");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("-m needs host:port"), err.toString());
    }
}
