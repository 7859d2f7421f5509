package io.weir.cli.sql;

import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import io.weir.sql.session.SqlSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive SQL client: reads statements at the {@value #PROMPT} prompt (a statement may span
 * lines and ends with a semicolon), keeps the history in a file, completes keywords and table names
 * on Tab, and runs each statement with {@link SqlClient}. Ctrl-C at the prompt drops the typed text,
 * while a statement runs it cancels that statement's query; Ctrl-D, {@code QUIT;} or {@code EXIT;}
 * leave.
 *
 * <p>Threading: the prompt and the statements run on the calling thread; JLine calls the Ctrl-C
 * handler on a signal thread, which only interrupts the statement's thread.
 */
public final class SqlPrompt {

    static final String PROMPT = "Weir SQL> ";
    static final String CONTINUATION = "> ";

    private final Terminal terminal;
    private final SqlClient client;
    private final LineReader reader;

    /**
     * @param historyFile where the history is kept across sessions; its directory is created
     */
    public SqlPrompt(Terminal terminal, SqlSession session, ClientCluster cluster, Path historyFile) {
        this.terminal = terminal;
        this.client = new SqlClient(session, cluster, terminal.writer(), terminal);
        createDirectoryOf(historyFile);
        this.reader = LineReaderBuilder.builder()
                .appName("weir-sql")
                .terminal(terminal)
                .parser(new SqlLineParser())
                .completer(new SqlCompleter(session))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
    }

    /**
     * Runs the prompt on the process's terminal (a dumb one when there is no console, e.g. input
     * piped in), after {@code init} ran the init scripts with its client.
     *
     * @return false if {@code init} reported a failed statement (the prompt then does not start)
     */
    public static boolean runOnSystemTerminal(SqlSession session, ClientCluster cluster, Path historyFile,
            Predicate<SqlClient> init) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("weir-sql").system(true).dumb(true).build()) {
            SqlPrompt prompt = new SqlPrompt(terminal, session, cluster, historyFile);
            if (!init.test(prompt.client)) {
                return false;
            }
            prompt.run();
            return true;
        }
    }

    /** The client that runs the statements, e.g. for the init scripts before the prompt. */
    SqlClient client() {
        return client;
    }

    /** Reads and runs statements until the user leaves. */
    public void run() {
        PrintWriter out = terminal.writer();
        out.println("Welcome to Weir SQL. Enter 'HELP;' to list the statements, 'QUIT;' to leave.");
        out.println();
        out.flush();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> client.cancelRunning());
        try {
            while (readAndRun()) {
                out.println();
                out.flush();
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            saveHistory();
        }
        int running = client.runningJobs();
        out.println("Shutting down the session..." + (running == 0 ? ""
                : " (" + running + (running == 1 ? " job" : " jobs") + " still running will be cancelled)"));
        out.println("done.");
        out.flush();
    }

    /** Reads one input (one or more statements) and runs it; false when the user leaves. */
    private boolean readAndRun() {
        String input;
        try {
            input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
            return true; // Ctrl-C at the prompt drops what was typed
        } catch (EndOfFileException e) {
            return false;
        }
        for (ScriptStatement statement : SqlScript.split(input)) {
            if (client.run(statement, null) == SqlClient.Outcome.QUIT) {
                return false;
            }
        }
        return true;
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("[WARNING] Could not save the history: " + e.getMessage());
        }
    }

    private static void createDirectoryOf(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of the history file " + file, e);
        }
    }
}
