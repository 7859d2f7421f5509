package io.weir.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path bin/weir gives the JVM: Weir's own jars first, then the other jars of lib/, then
 * conf/ (see the script's comment; the order decides how many jars each class lookup searches). Runs
 * weir-dist's bin/weir with bash in an installation of its own whose lib/ holds a few jars, and reads
 * the class path back from the JVM ({@code -XshowSettings:properties}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherClassPathTest {
    private static final Path SCRIPT = Path.of("..", "weir-dist", "src", "main", "dist", "bin", "weir")
            .toAbsolutePath().normalize();

    @Test
    void weirJarsComeFirstThenTheLibrariesThenConf(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(SCRIPT, home.resolve("bin").resolve("weir"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("conf"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        List<String> jars = List.of("aaa-lib-1.0.jar", "weir-runtime-0.1.jar", "zzz-lib-2.0.jar", "weir-api-0.1.jar",
                "mid-lib-3.0.jar");
        for (String jar : jars) {
            emptyJar(lib.resolve(jar));
        }
        Files.writeString(lib.resolve("notes.txt"), "not a jar");

        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin").resolve("weir").toString(), "info")
                .redirectOutput(home.resolve("stdout").toFile())
                .redirectError(home.resolve("stderr").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WEIR_CDS", "0");
        builder.environment().put("WEIR_LOG_DIR", home.resolve("log").toString());
        builder.environment().put("WEIR_JAVA_OPTS", "-XshowSettings:properties");
        builder.environment().remove("WEIR_CONF_DIR");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/weir did not end within 60 s");
        String output = Files.readString(home.resolve("stderr")) + Files.readString(home.resolve("stdout"));

        List<Path> classPath = classPath(output);
        Path realHome = home.toRealPath();
        assertEquals(List.of(realHome.resolve("lib/weir-api-0.1.jar"), realHome.resolve("lib/weir-runtime-0.1.jar")),
                classPath.subList(0, 2), output);
        assertEquals(Set.of(realHome.resolve("lib/aaa-lib-1.0.jar"), realHome.resolve("lib/zzz-lib-2.0.jar"),
                realHome.resolve("lib/mid-lib-3.0.jar")), new HashSet<>(classPath.subList(2, 5)), output);
        assertEquals(List.of(realHome.resolve("conf")), classPath.subList(5, classPath.size()), output);
    }

    private static void emptyJar(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.finish();
        }
    }

    /** The entries of {@code java.class.path} as -XshowSettings:properties prints them, one a line. */
    private static List<Path> classPath(String output) {
        List<Path> entries = new ArrayList<>();
        boolean inside = false;
        for (String line : output.lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("java.class.path = ")) {
                inside = true;
                entries.add(Path.of(trimmed.substring("java.class.path = ".length())));
            } else if (inside && !trimmed.contains(" = ") && !trimmed.isEmpty()) {
                entries.add(Path.of(trimmed));
            } else if (inside) {
                break;
            }
        }
        assertTrue(!entries.isEmpty(), "no java.class.path in:\n" + output);
        return entries;
    }
}
