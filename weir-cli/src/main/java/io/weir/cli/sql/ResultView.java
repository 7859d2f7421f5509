package io.weir.cli.sql;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The table and changelog result modes: a query's rows are fetched on a thread of their own into a
 * {@link MaterializedResult}, and the terminal shows it, redrawn every {@value #REFRESH_MILLIS} ms
 * while the query runs; {@code Q} (or Ctrl-C) leaves and cancels a query still running. When the
 * view is left, the last state stays on screen as a boxed table.
 *
 * <p>A terminal that cannot move its cursor (a dumb terminal, a pipe) gets no redraws: it waits for
 * the query to end (or Ctrl-C) and then prints the final state once, so its output is the same
 * for the same input.
 *
 * <p>Threading: {@link #show} runs on the client's thread, which Ctrl-C interrupts; the fetching
 * thread owns the rows' iterator and closes it (cancelling the job) when it is interrupted.
 */
final class ResultView {

    static final long REFRESH_MILLIS = 1000;
    /** The changelog mode keeps the latest changes only, as Flink's does, to stay responsive. */
    static final int MAX_CHANGELOG_ROWS = 1000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Terminal terminal;
    private final PrintWriter out;
    private final ResultMode mode;
    private final ColumnFormat format;
    private final MaterializedResult result;

    ResultView(Terminal terminal, ResultMode mode, ColumnFormat format, int maxTableRows) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.mode = mode;
        this.format = format;
        this.result = mode == ResultMode.CHANGELOG ? MaterializedResult.changelog(MAX_CHANGELOG_ROWS)
                : MaterializedResult.table(maxTableRows);
    }

    /**
     * Shows the rows until the query ends or the user leaves.
     *
     * @throws RuntimeException the query's failure, if it failed
     */
    void show(CloseableIterator<Row> rows) {
        Thread fetcher = new Thread(() -> fetch(rows), "sql-client-result-fetcher");
        fetcher.setDaemon(true);
        fetcher.start();
        boolean cancelled = false;
        try {
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                result.awaitEnd(0);
            } else {
                cancelled = showLive();
            }
        } catch (InterruptedException e) {
            cancelled = true;
        }
        if (cancelled || !result.ended()) {
            fetcher.interrupt();
        }
        joinUninterruptibly(fetcher);
        printFinal(cancelled);
        if (result.failure() != null && !cancelled) {
            throw result.failure();
        }
    }

    private void fetch(CloseableIterator<Row> rows) {
        RuntimeException failure = null;
        try (rows) {
            while (rows.hasNext()) {
                result.apply(rows.next());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Exception e) {
            failure = new IllegalStateException(e.getMessage(), e);
        } finally {
            result.end(Thread.currentThread().isInterrupted() ? null : failure);
        }
    }

    /** The refreshing full-screen view; returns whether the user left it before the query ended. */
    private boolean showLive() throws InterruptedException {
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            while (true) {
                draw();
                int key = keys.read(REFRESH_MILLIS);
                if (key == 'q' || key == 'Q' || key == 3 || key == NonBlockingReader.EOF) {
                    return !result.ended();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } catch (IOException e) {
            return !result.ended();
        } finally {
            terminal.setAttributes(saved);
            terminal.puts(Capability.clear_screen);
            terminal.flush();
        }
    }

    private void draw() {
        // A terminal that does not know its size says 0 x 0.
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
        int height = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
        List<String> lines = screen(result.snapshot(), height, result.ended(), result.changes());
        terminal.puts(Capability.clear_screen);
        for (String line : lines) {
            out.print(line.length() > width ? line.substring(0, width) : line);
            out.print("\r\n");
        }
        out.flush();
    }

    /** The lines of one screen: title, status, header, the newest rows that fit, key help. */
    List<String> screen(List<Row> rows, int height, boolean ended, long changes) {
        List<String> lines = new ArrayList<>();
        lines.add(mode == ResultMode.CHANGELOG ? "SQL Query Result (Changelog)" : "SQL Query Result (Table)");
        lines.add((ended ? "Query finished." : "Query running.") + " Updated: " + LocalTime.now().format(CLOCK)
                + "  Rows: " + rows.size() + "  Changes: " + changes);
        lines.add("");
        lines.add(format.plainHeader());
        int room = Math.max(1, height - lines.size() - 2);
        for (Row row : rows.subList(Math.max(0, rows.size() - room), rows.size())) {
            lines.add(format.plainRow(row));
        }
        lines.add("");
        lines.add("Q Quit" + (ended ? "" : " (cancels the query)"));
        return lines;
    }

    private void printFinal(boolean cancelled) {
        List<Row> rows = result.snapshot();
        out.println(format.border());
        out.println(format.header());
        out.println(format.border());
        rows.forEach(row -> out.println(format.row(row)));
        out.println(format.border());
        String count = rows.size() + (rows.size() == 1 ? " row" : " rows");
        String summary = mode == ResultMode.CHANGELOG
                ? "Received a total of " + result.changes() + (result.changes() == 1 ? " change" : " changes")
                        + (rows.size() < result.changes() ? ", the latest " + count + " shown" : "")
                : count + " in the result, after " + result.changes() + (result.changes() == 1 ? " change" : " changes");
        out.println((cancelled ? "Query terminated. " : "") + summary);
        out.flush();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
