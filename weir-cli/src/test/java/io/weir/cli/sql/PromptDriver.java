package io.weir.cli.sql;

import static org.junit.jupiter.api.Assertions.fail;

import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.session.SqlSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Drives the interactive client as a user at a dumb terminal would: what the test types goes into
 * the terminal's input, and the test waits (with a deadline, no sleeping) until the screen shows
 * what it expects. The prompt runs on a thread of its own.
 */
final class PromptDriver implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final Screen screen = new Screen();
    private final Terminal terminal;
    private final SqlPrompt prompt;
    private final Thread thread;

    /** A client at a dumb terminal: no cursor movement, no echo. */
    PromptDriver(ClientCluster cluster, Path historyFile) throws IOException {
        this(cluster, historyFile, false);
    }

    /**
     * @param xterm a terminal that can move its cursor and read single keys (an xterm on the test's
     *     streams), so the table and changelog views refresh in place
     */
    PromptDriver(ClientCluster cluster, Path historyFile, boolean xterm) throws IOException {
        PipedInputStream input = new PipedInputStream(keyboard, 1 << 16);
        terminal = xterm ? new ExternalTerminal("test", "xterm", input, screen, StandardCharsets.UTF_8)
                : new DumbTerminal("test", Terminal.TYPE_DUMB, input, screen, StandardCharsets.UTF_8);
        prompt = new SqlPrompt(terminal, SqlSession.create(EnvironmentSettings.inStreamingMode()), cluster, historyFile);
        thread = new Thread(prompt::run, "sql-prompt");
        thread.setDaemon(true);
    }

    SqlClient client() {
        return prompt.client();
    }

    PromptDriver start() {
        thread.start();
        return this;
    }

    /** Types text at the keyboard (lines end with "\n"). */
    PromptDriver type(String text) throws IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return this;
    }

    /** Presses Ctrl-D: the input ends. */
    void endInput() throws IOException {
        keyboard.close();
    }

    /** Presses Ctrl-C. */
    void interrupt() {
        terminal.raise(Terminal.Signal.INT);
    }

    /** Waits until the screen, from {@code from} on, shows {@code text}; returns where it ends. */
    int await(String text, int from) throws InterruptedException {
        return screen.await(text, from);
    }

    /** Waits until a line of the screen, from {@code from} on, holds all {@code parts}; returns where it ends. */
    int awaitLine(int from, String... parts) throws InterruptedException {
        return screen.awaitLine(from, parts);
    }

    /** Waits until the prompt has ended (after QUIT; or Ctrl-D). */
    String awaitEnd() throws InterruptedException {
        thread.join(TIMEOUT.toMillis());
        if (thread.isAlive()) {
            fail("the client did not end; the screen shows:\n" + screen());
        }
        return screen();
    }

    String screen() {
        return screen.text();
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        terminal.close();
    }

    /** The terminal's output, which tests can wait on. */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).replace("\r", "");
        }

        synchronized int awaitLine(int from, String... parts) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                String text = text();
                int start = from;
                for (String line : text.substring(from).split("\n", -1)) {
                    int end = start + line.length();
                    if (java.util.Arrays.stream(parts).allMatch(line::contains) && end < text.length()) {
                        return end;
                    }
                    start = end + 1;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    fail("the screen never showed a line with " + java.util.Arrays.toString(parts) + "; it shows:\n"
                            + text);
                }
                wait(left);
            }
        }

        synchronized int await(String expected, int from) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                int at = text().indexOf(expected, from);
                if (at >= 0) {
                    return at + expected.length();
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    fail("the screen never showed '" + expected + "'; it shows:\n" + text());
                }
                wait(left);
            }
        }
    }
}
