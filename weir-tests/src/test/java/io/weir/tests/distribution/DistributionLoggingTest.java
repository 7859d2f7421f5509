package io.weir.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's logging configuration (weir-dist's {@code conf/logback.xml} and
 * {@code conf/logging.properties}), used as bin/weir uses it, in a JVM of its own: SLF4J,
 * java.util.logging and System.Logger all end up in the log file and on stderr, in one format each,
 * at the configured levels.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DistributionLoggingTest {
    private static final Path CONF = Path.of("..", "weir-dist", "src", "main", "dist", "conf").toAbsolutePath().normalize();
    private static final Pattern FILE_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN ) \\[main\\] \\S+ - .+");
    private static final Pattern CONSOLE_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN ) \\S+ - .+");

    @Test
    void everyLoggingApiWritesOneFormatIntoTheLogFileAndStderr(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("log").resolve("weir-test-probe-host.log");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // the test classpath also holds slf4j-simple (the tests' own logging): pick bin/weir's backend
                "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider",
                "-Dlogback.configurationFile=" + CONF.resolve("logback.xml"),
                "-Djava.util.logging.config.file=" + CONF.resolve("logging.properties"),
                "-Dlog.file=" + logFile,
                LoggingProbe.class.getName())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end within 60 s");
        String stderr = Files.readString(dir.resolve("stderr"));
        assertEquals(0, probe.exitValue(), stderr);

        List<String> file = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "INFO  [main] io.weir.probe.Engine - from slf4j",
                "INFO  [main] io.weir.probe.Jul - from java.util.logging",
                "WARN  [main] org.example.Jul - library warning from java.util.logging",
                "INFO  [main] io.weir.probe.Platform - from System.Logger",
                "WARN  [main] org.example.Library - library warning"),
                file.stream().map(line -> line.substring(24)).toList(), "log file:\n" + String.join("\n", file));
        file.forEach(line -> assertTrue(FILE_LINE.matcher(line).matches(), line));

        // SLF4J notes that it took the provider named by -Dslf4j.provider, which bin/weir does not set
        List<String> console = stderr.lines().filter(line -> !line.startsWith("SLF4J(I)")).toList();
        assertEquals(5, console.size(), stderr);
        console.forEach(line -> assertTrue(CONSOLE_LINE.matcher(line).matches(), line));
        assertTrue(stderr.contains("INFO  Platform - from System.Logger"), stderr);
        assertFalse(stderr.contains("dropped"), stderr);
        assertEquals("", Files.readString(dir.resolve("stdout")), "logging never writes to stdout");
    }

    @Test
    void binWeirPointsLogbackAndJavaUtilLoggingAtConf() throws IOException {
        String script = Files.readString(CONF.resolveSibling("bin").resolve("weir"));
        assertTrue(script.contains("-Dlogback.configurationFile=\"$WEIR_CONF_DIR/logback.xml\""), script);
        assertTrue(script.contains("-Djava.util.logging.config.file=\"$WEIR_CONF_DIR/logging.properties\""), script);
        assertTrue(script.contains("-Dlog.file=\"$log_file\""), script);
    }
}
