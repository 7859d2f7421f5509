package io.weir.bench;

import io.weir.bench.nexmark.NexmarkRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one measurement in a fresh JVM: the same Java, class path and JVM options as this one, with
 * the heap set to the benchmark's, so no run inherits the JIT state, heap or class loading of
 * another. The child's standard error passes through; its {@code RESULT} line is parsed.
 */
final class ForkedJvm {
    /** What the child printed on its RESULT line, and the wall time of the whole child process. */
    record Outcome(Map<String, String> result, double processSeconds) {
        long longValue(String key) {
            return Long.parseLong(result.get(key));
        }

        /** A millisecond count as seconds; NaN where the child reported -1 (not measured). */
        double seconds(String millisKey) {
            long millis = longValue(millisKey);
            return millis < 0 ? Double.NaN : millis / 1000.0;
        }
    }

    private final String heap;
    private final List<String> extraOptions;

    /** @param heap the child's maximum heap, as for {@code -Xmx} (e.g. {@code 4g}) */
    ForkedJvm(String heap, List<String> extraOptions) {
        this.heap = heap;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** Runs {@code spec} with {@link NexmarkRun} in a fresh JVM and waits for it. */
    Outcome runNexmark(NexmarkRun.Spec spec) throws IOException, InterruptedException {
        List<String> args = spec.toArgs();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The child maps the launcher's class-data archive (same Java, same class path) but
            // must not write one.
            if (!option.startsWith("-Xmx") && !option.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(option);
            }
        }
        command.add("-Xmx" + heap);
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NexmarkRun.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        Process process = builder.start();
        Map<String, String> result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = parse(line);
                } else {
                    output.add(line);
                }
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || result == null) {
            output.forEach(System.out::println);
            throw new IllegalStateException("The benchmark JVM failed (exit code " + exit + "): " + String.join(" ", args)
                    + ". Its output is above.");
        }
        return new Outcome(result, seconds);
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        for (String field : line.substring("RESULT ".length()).split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                values.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return values;
    }
}
