package io.weir.cli.sql;

import io.weir.sql.api.ValidationException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements the client runs itself rather than the session: leaving, help, and the jobs of
 * the client's cluster. Everything else goes to the SQL session.
 */
sealed interface ClientStatement {

    /** {@code QUIT} or {@code EXIT}. */
    record Quit() implements ClientStatement {}

    /** {@code HELP}. */
    record Help() implements ClientStatement {}

    /** {@code CLEAR}: clears the terminal. */
    record Clear() implements ClientStatement {}

    /** {@code SHOW JOBS}. */
    record ShowJobs() implements ClientStatement {}

    /** {@code STOP JOB '<id>' [WITH SAVEPOINT] [WITH DRAIN]}. */
    record StopJob(String jobId, boolean withSavepoint, boolean drain) implements ClientStatement {}

    Pattern QUIT = Pattern.compile("(QUIT|EXIT)", Pattern.CASE_INSENSITIVE);
    Pattern HELP = Pattern.compile("HELP", Pattern.CASE_INSENSITIVE);
    Pattern CLEAR = Pattern.compile("CLEAR", Pattern.CASE_INSENSITIVE);
    Pattern SHOW_JOBS = Pattern.compile("SHOW\\s+JOBS", Pattern.CASE_INSENSITIVE);
    Pattern STOP_JOB_START = Pattern.compile("STOP\\s+JOB\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    Pattern STOP_JOB = Pattern.compile("STOP\\s+JOB\\s+'([^']*)'(\\s+WITH\\s+SAVEPOINT)?(\\s+WITH\\s+DRAIN)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * The client statement {@code text} is (without its semicolon), or empty for a statement of the
     * session.
     *
     * @throws ValidationException for a STOP JOB that is not written as the client takes it
     */
    static Optional<ClientStatement> recognize(String text) {
        String statement = text.strip();
        if (QUIT.matcher(statement).matches()) {
            return Optional.of(new Quit());
        } else if (HELP.matcher(statement).matches()) {
            return Optional.of(new Help());
        } else if (CLEAR.matcher(statement).matches()) {
            return Optional.of(new Clear());
        } else if (SHOW_JOBS.matcher(statement).matches()) {
            return Optional.of(new ShowJobs());
        } else if (STOP_JOB_START.matcher(statement).matches()) {
            Matcher stop = STOP_JOB.matcher(statement);
            if (!stop.matches()) {
                throw new ValidationException("STOP JOB takes the job's id in single quotes: "
                        + "STOP JOB '<job id>' [WITH SAVEPOINT] [WITH DRAIN]; SHOW JOBS lists the ids");
            }
            return Optional.of(new StopJob(stop.group(1), stop.group(2) != null, stop.group(3) != null));
        }
        return Optional.empty();
    }
}
