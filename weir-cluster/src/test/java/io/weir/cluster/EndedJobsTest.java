package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.cluster.DispatcherGateway.JobOutcome;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatcher's memory of ended jobs: bounded by count and by age, and free of the jobs' classes. */
class EndedJobsTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private long millis;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static final JobOutcome OUTCOME = new JobOutcome(5, Map.of());

    @Test
    void beyondItsCapacityTheJobThatEndedFirstIsForgottenFirst() {
        EndedJobs ended = new EndedJobs(2, Duration.ofHours(1), new ManualClock());
        JobID first = JobID.generate();
        JobID second = JobID.generate();
        JobID third = JobID.generate();
        ended.add(first, JobStatus.FINISHED, OUTCOME, null);
        ended.add(second, JobStatus.CANCELED, null, new IllegalStateException("cancelled"));
        ended.add(third, JobStatus.FINISHED, OUTCOME, null);
        assertNull(ended.get(first));
        assertEquals(JobStatus.CANCELED, ended.get(second).status());
        assertEquals(OUTCOME, ended.get(third).outcome());
        assertEquals(2, ended.size());
    }

    @Test
    void aJobIsForgottenOnceItEndedLongerThanTheExpirationTimeAgo() {
        ManualClock clock = new ManualClock();
        EndedJobs ended = new EndedJobs(Integer.MAX_VALUE, Duration.ofMinutes(10), clock);
        JobID early = JobID.generate();
        JobID late = JobID.generate();
        ended.add(early, JobStatus.FINISHED, OUTCOME, null);
        clock.millis += Duration.ofMinutes(6).toMillis();
        ended.add(late, JobStatus.FAILED, null, new IllegalStateException("boom"));
        clock.millis += Duration.ofMinutes(4).toMillis();
        assertNotNull(ended.get(early), "exactly ten minutes old: still remembered");
        clock.millis += 1;
        assertNull(ended.get(early));
        assertNotNull(ended.get(late));
        clock.millis += Duration.ofMinutes(6).toMillis();
        assertEquals(0, ended.size());
    }

    @Test
    void badBoundsAreRefusedNamingTheOption() {
        IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
                () -> new EndedJobs(-1, Duration.ofHours(1), Clock.systemUTC()));
        assertTrue(capacity.getMessage().contains("jobstore.max-capacity"), capacity.getMessage());
        IllegalArgumentException expiration = assertThrows(IllegalArgumentException.class,
                () -> new EndedJobs(1, Duration.ofSeconds(-1), Clock.systemUTC()));
        assertTrue(expiration.getMessage().contains("jobstore.expiration-time"), expiration.getMessage());
    }

    @Test
    void aFailureOfTheProcessesClassesIsKeptAsItIs() {
        JobExecutionException failure = new JobExecutionException(JobID.generate(), "failed",
                new IllegalStateException("inner"));
        assertSame(failure, EndedJobs.withoutJobClasses(failure, getClass().getClassLoader()));
    }

    /** An exception a job's jar could bring; the test loads it in a loader of its own. */
    public static final class JobsOwnException extends RuntimeException {
        public JobsOwnException(String message) {
            super(message);
        }
    }

    @Test
    void aFailureOfTheJobsOwnClassesIsKeptAsACopyMadeOfTheProcessesClasses() throws Exception {
        URL testClasses = getClass().getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader jobLoader = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
            Throwable own = (Throwable) jobLoader.loadClass(JobsOwnException.class.getName())
                    .getConstructor(String.class).newInstance("thrown by the job");
            assertNotSame(JobsOwnException.class, own.getClass(), "the job's class, not the test's");
            JobID job = JobID.generate();
            JobExecutionException failure = new JobExecutionException(job, "Job 'x' failed",
                    new IllegalStateException("wrapped", own));

            Throwable kept = EndedJobs.withoutJobClasses(failure, getClass().getClassLoader());
            assertEquals(JobExecutionException.class, kept.getClass());
            assertEquals(job, ((JobExecutionException) kept).getJobID());
            assertEquals("Job 'x' failed", kept.getMessage());
            assertEquals(RuntimeException.class, kept.getCause().getClass());
            assertEquals("java.lang.IllegalStateException: wrapped", kept.getCause().getMessage());
            Throwable ownCopy = kept.getCause().getCause();
            assertEquals(RuntimeException.class, ownCopy.getClass());
            assertEquals(JobsOwnException.class.getName() + ": thrown by the job", ownCopy.getMessage());
            assertEquals(own.getStackTrace()[0], ownCopy.getStackTrace()[0]);
        }
    }
}
