package io.weir.api.execution;

/** A job failed; the cause is the exception that failed it (for a user function: the user's exception). */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobID getJobID() {
        return jobId;
    }
}
