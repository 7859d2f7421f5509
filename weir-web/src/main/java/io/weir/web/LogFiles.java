package io.weir.web;

import io.weir.api.configuration.Configuration;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The log files of one process that the REST API may serve: the files directly inside the
 * directory of its log file ({@code log.file}, which bin/weir sets, or {@code web.log.path}), and
 * nothing else. A name from a request is only ever looked up among those files, so no request
 * can read a file outside the directory, whatever it contains ({@code ..}, separators, links).
 *
 * <p>The process's stdout, when its start script redirects it, is the log file's sibling with the
 * extension {@code .out} ({@code weir-...-host.log} → {@code weir-...-host.out}), as in Flink.
 *
 * <p>Threading: immutable; every method reads the file system anew and may be called from any thread.
 */
public final class LogFiles {
    /** One file of the log directory, in Flink's JSON shape ({@code name}, {@code size}, {@code mtime}). */
    public record LogFile(String name, long size, long mtime) {}

    private final Path logFile;

    private LogFiles(Path logFile) {
        this.logFile = logFile;
    }

    /**
     * The log files of this process: from {@code web.log.path} if set, else the system property
     * {@code log.file}; none when neither is set (a JVM that logs only to its console).
     */
    public static LogFiles of(Configuration configuration) {
        String path = configuration.getOptional(WebOptions.LOG_PATH).orElse(System.getProperty("log.file"));
        return new LogFiles(path == null || path.isBlank() ? null : Path.of(path).toAbsolutePath().normalize());
    }

    /** The log file of a process, such as {@code log/weir-alice-run-host.log}; its directory holds the others. */
    public static LogFiles at(Path logFile) {
        return new LogFiles(logFile.toAbsolutePath().normalize());
    }

    /** The regular files of the log directory by name; empty when there is no log directory. */
    public List<LogFile> list() throws IOException {
        List<LogFile> files = new ArrayList<>();
        if (logFile == null || !Files.isDirectory(logFile.getParent())) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(logFile.getParent())) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()) {
                    files.add(new LogFile(entry.getFileName().toString(), attributes.size(),
                            attributes.lastModifiedTime().toMillis()));
                }
            }
        }
        files.sort(Comparator.comparing(LogFile::name));
        return files;
    }

    /**
     * The file of the log directory with this name.
     *
     * @throws RestError 400 if {@code name} is not a plain file name; 404 if the directory holds no
     *     regular file of that name (a link does not count, wherever it points)
     */
    Path file(String name) throws IOException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            throw RestError.badRequest("'" + name + "' is not a log file name; take a name from the list of logs.");
        }
        for (LogFile file : list()) {
            if (file.name().equals(name)) {
                return logFile.getParent().resolve(file.name());
            }
        }
        throw RestError.notFound("There is no log file '" + name + "'" + (logFile == null ? "" : " in "
                + logFile.getParent()) + "; the list of logs has the names.");
    }

    /** The process's log file; 404 when it has none. */
    Path mainLog() throws IOException {
        if (logFile == null) {
            throw RestError.notFound("This process writes no log file: it was not started by bin/weir (which sets"
                    + " log.file) and web.log.path is not set.");
        }
        return file(logFile.getFileName().toString());
    }

    /** The file the process's stdout is redirected to; 404 when there is none. */
    Path stdout() throws IOException {
        if (logFile == null) {
            throw RestError.notFound("This process writes no log file, and no stdout file beside it.");
        }
        String name = logFile.getFileName().toString();
        String out = (name.endsWith(".log") ? name.substring(0, name.length() - 4) : name) + ".out";
        if (list().stream().noneMatch(f -> f.name().equals(out))) {
            throw RestError.notFound("This process's stdout is not written to a file (" + out + "): it goes to the"
                    + " console it was started from.");
        }
        return file(out);
    }
}
