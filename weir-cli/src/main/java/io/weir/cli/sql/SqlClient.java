package io.weir.cli.sql;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobID;
import io.weir.api.types.Row;
import io.weir.runtime.jobmaster.JobDetails;
import io.weir.sql.api.ResultKind;
import io.weir.sql.api.TableResult;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import io.weir.sql.session.PrintableResult;
import io.weir.sql.session.SqlSession;
import io.weir.sql.session.TableauPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.terminal.Terminal;

/**
 * Runs statements of the SQL client and shows their results as Flink's client does: {@code [INFO]}
 * lines for statements without rows, a tableau for listings, the result mode for queries, the job id
 * for INSERTs (whose jobs run in the background unless {@code table.dml-sync} is set or a script
 * runs), and {@code [ERROR] Could not execute SQL statement. Reason: ...} for a statement that
 * failed, with its stack trace only under {@code sql-client.verbose}.
 *
 * <p>A script ({@code -i}, {@code -f}, {@code -e}) always prints tableau and waits for its INSERT
 * jobs, because the jobs run inside this process.
 *
 * <p>Threading: one thread runs the statements. {@link #cancelRunning} may be called from another
 * (Ctrl-C): it interrupts that thread, which cancels the query or job it waits for.
 */
public final class SqlClient {

    static final String SUCCEEDED = "[INFO] Execute statement succeeded.";
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final SqlSession session;
    private final ClientCluster cluster;
    private final PrintWriter out;
    private final Terminal terminal;
    private volatile Thread running;
    /** The jobs this client submitted: STOP JOB stops these. */
    private final Map<JobID, JobClient> submitted = new ConcurrentHashMap<>();

    /**
     * @param terminal the interactive terminal, or {@code null} when running scripts to {@code out}
     */
    SqlClient(SqlSession session, ClientCluster cluster, PrintWriter out, Terminal terminal) {
        this.session = session;
        this.cluster = cluster;
        this.out = out;
        this.terminal = terminal;
    }

    /** A client that runs scripts and prints to {@code out}. */
    public static SqlClient forScripts(SqlSession session, ClientCluster cluster, PrintWriter out) {
        return new SqlClient(session, cluster, out, null);
    }

    /** What running a statement asks of the caller. */
    enum Outcome { CONTINUE, FAILED, QUIT }

    /**
     * Runs the statements of a script in order and stops at the first that fails.
     *
     * @param source where the script came from, named in errors ({@code null}: typed at the prompt)
     * @return false if a statement failed (or the script asked to quit)
     */
    public boolean runScript(String script, String source) {
        for (ScriptStatement statement : SqlScript.split(script)) {
            if (run(statement, source) != Outcome.CONTINUE) {
                return false;
            }
        }
        return true;
    }

    /** Runs one statement, prints its result or error; never throws for the statement's failure. */
    Outcome run(ScriptStatement statement, String source) {
        running = Thread.currentThread();
        cluster.bindToCurrentThread();
        Map<String, String> optionsBefore = Map.copyOf(session.getConfig().toMap());
        try {
            return execute(statement);
        } catch (RuntimeException e) {
            restoreIfClientOptionsBroken(optionsBefore);
            ErrorReport.print(e, source, verbose(), out);
            return Outcome.FAILED;
        } finally {
            cluster.unbindFromCurrentThread();
            running = null;
            Thread.interrupted(); // a Ctrl-C that came after the statement ended cancels nothing
            out.flush();
        }
    }

    /** Ctrl-C: cancels what the running statement waits for (a query or a synchronous INSERT). */
    void cancelRunning() {
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private Outcome execute(ScriptStatement statement) {
        Optional<ClientStatement> clientStatement = ClientStatement.recognize(statement.text());
        if (clientStatement.isPresent()) {
            return executeClientStatement(clientStatement.get());
        }
        TableResult result = session.execute(statement);
        ClientOptions.of(session.getConfig()); // a SET of a client option is checked now, not at the next query
        if (result.getJobClient().isPresent()) {
            showSubmittedJob(result.getJobClient().get());
        } else if (result.getResultKind() == ResultKind.SUCCESS) {
            out.println(SUCCEEDED);
        } else if (result instanceof PrintableResult printable && printable.isQueryResult()) {
            showQuery(result);
        } else {
            printTableau((PrintableResult) result);
        }
        return Outcome.CONTINUE;
    }

    private Outcome executeClientStatement(ClientStatement statement) {
        if (statement instanceof ClientStatement.Quit) {
            return Outcome.QUIT;
        } else if (statement instanceof ClientStatement.Help) {
            out.print(HelpText.TEXT);
        } else if (statement instanceof ClientStatement.Clear && terminal != null) {
            terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen);
        } else if (statement instanceof ClientStatement.ShowJobs) {
            showJobs();
        } else if (statement instanceof ClientStatement.StopJob stop) {
            stopJob(stop);
        }
        return Outcome.CONTINUE;
    }

    private void showSubmittedJob(JobClient job) {
        submitted.put(job.getJobID(), job);
        out.println("[INFO] Submitting SQL update statement to the cluster...");
        out.println("[INFO] SQL update statement has been successfully submitted to the cluster:");
        out.println("Job ID: " + job.getJobID());
        if (terminal == null || ClientOptions.dmlSync(session.getConfig())) {
            out.flush();
            try {
                job.getJobExecutionResult().get();
            } catch (InterruptedException e) {
                job.cancel().join();
                out.println("[INFO] Job " + job.getJobID() + " cancelled.");
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Job " + job.getJobID() + " failed", e.getCause());
            }
            out.println("[INFO] Complete execution of the SQL update statement.");
        }
    }

    private void showQuery(TableResult result) {
        ClientOptions options = ClientOptions.of(session.getConfig());
        java.time.ZoneId zone = io.weir.sql.codegen.SessionTimeZone.of(
                session.getConfig().get(io.weir.sql.codegen.SessionTimeZone.OPTION));
        CloseableIterator<Row> rows = result.collect();
        List<io.weir.sql.catalog.Column> columns = result.getResolvedSchema().columns();
        if (options.batchResults()) {
            MaterializedResult table = MaterializedResult.table(Integer.MAX_VALUE);
            long changes = drain(rows, table::apply);
            List<String> names = columns.stream().map(io.weir.sql.catalog.Column::name).toList();
            printTableau(stream -> TableauPrinter.print(names, table.snapshot(), false, stream, zone));
            if (changes < 0) {
                out.println("Query terminated.");
            }
            return;
        }
        ResultMode mode = terminal == null ? ResultMode.TABLEAU : options.resultMode();
        if (mode == ResultMode.TABLEAU) {
            ColumnFormat format = new ColumnFormat(columns, true, options.maxColumnWidth(), zone);
            out.println(format.border());
            out.println(format.header());
            out.println(format.border());
            out.flush();
            long count = drain(rows, row -> {
                out.println(format.row(row));
                out.flush();
            });
            out.println(format.border());
            long total = Math.abs(count) - (count < 0 ? 1 : 0);
            out.println((count < 0 ? "Query terminated, received a total of " : "Received a total of ")
                    + total + (total == 1 ? " row" : " rows"));
        } else {
            new ResultView(terminal, mode, new ColumnFormat(columns, mode == ResultMode.CHANGELOG,
                    options.maxColumnWidth(), zone), options.maxTableRows()).show(rows);
        }
    }

    /**
     * Feeds every row to {@code sink} until the rows end; on Ctrl-C closes them (cancelling the query).
     *
     * @return the number of rows, or {@code -(rows + 1)} if the query was cancelled
     */
    private static long drain(CloseableIterator<Row> rows, java.util.function.Consumer<Row> sink) {
        long count = 0;
        try (rows) {
            while (rows.hasNext()) {
                sink.accept(rows.next());
                count++;
            }
            return count;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return -(count + 1);
            }
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Closing the query's result failed: " + e.getMessage(), e);
        }
    }

    private void showJobs() {
        List<Row> rows = new ArrayList<>();
        for (JobDetails job : cluster.jobs()) {
            rows.add(Row.of(job.jobId().toString(), job.name(), job.status().name(),
                    START_TIME.format(Instant.ofEpochMilli(job.startTime()).atZone(ZoneId.systemDefault()))));
        }
        printTableau(stream -> TableauPrinter.print(List.of("job id", "job name", "status", "start time"), rows, false,
                stream));
    }

    private void stopJob(ClientStatement.StopJob stop) {
        String savepoint;
        try {
            savepoint = ClientCluster.stop(submitted, stop.jobId(), stop.withSavepoint(), stop.drain(),
                    session.getConfig().get("execution.checkpointing.savepoint-dir"));
        } catch (InterruptedException e) {
            throw new IllegalStateException("Interrupted while stopping job " + stop.jobId()
                    + "; it may still be stopping: SHOW JOBS tells", e);
        }
        if (savepoint == null) {
            out.println(SUCCEEDED);
        } else {
            printTableau(stream -> TableauPrinter.print(List.of("savepoint path"), List.of(Row.of(savepoint)), false, stream));
        }
    }

    /** How many jobs the client submitted still run (they end with the client). */
    int runningJobs() {
        return (int) submitted.values().stream().filter(job -> !job.getJobStatus().join().isTerminal()).count();
    }

    private void printTableau(PrintableResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result.print(stream);
        }
        out.print(bytes.toString(StandardCharsets.UTF_8));
    }

    /** A SET that left a client option unusable is undone, so the error does not repeat on every statement. */
    private void restoreIfClientOptionsBroken(Map<String, String> before) {
        try {
            ClientOptions.of(session.getConfig());
        } catch (RuntimeException broken) {
            session.getConfig().resetAll();
            before.forEach(session.getConfig()::set);
        }
    }

    private boolean verbose() {
        try {
            return ClientOptions.of(session.getConfig()).verbose();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
