package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.functions.RichMapFunction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/weir run} with {@code conf/config.yaml}, {@code -D} and {@code -p}, end to end: the
 * job's main gets its environment from the CLI and runs a real job on the embedded cluster, whose
 * subtasks report the parallelism they run with.
 */
@Timeout(120)
class ConfigurationCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path confDir;

    @AfterEach
    void forget() {
        ParallelismReportingJob.reset();
    }

    private int weir(String... args) {
        CommandLine cli = WeirCli.commandLine(confDir);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private void configYaml(String... lines) throws IOException {
        Files.writeString(confDir.resolve("config.yaml"), String.join("\n", lines) + "\n");
    }

    @Test
    void dashDSetsTheParallelismTheJobRunsWith() {
        assertEquals(0, weir("run", "-D", "parallelism.default=3", ParallelismReportingJob.class.getName()), err.toString());
        assertEquals(3, ParallelismReportingJob.environmentParallelism);
        assertEquals(List.of(3), ParallelismReportingJob.subtaskParallelisms);
    }

    @Test
    void precedenceIsFileThenDashDThenDashPThenCode() throws IOException {
        configYaml("parallelism.default: 4", "pipeline:", "  name: from-file", "  max-parallelism: 64");
        assertEquals(0, weir("run", ParallelismReportingJob.class.getName()), err.toString());
        assertEquals(List.of(4), ParallelismReportingJob.subtaskParallelisms);
        assertEquals("from-file", ParallelismReportingJob.name);
        assertEquals(64, ParallelismReportingJob.maxParallelism);

        ParallelismReportingJob.reset();
        assertEquals(0, weir("run", "-D", "parallelism.default=3", "-Dpipeline.name=from-dash-d",
                ParallelismReportingJob.class.getName()), err.toString());
        assertEquals(List.of(3), ParallelismReportingJob.subtaskParallelisms);
        assertEquals("from-dash-d", ParallelismReportingJob.name);
        assertEquals(64, ParallelismReportingJob.maxParallelism);

        ParallelismReportingJob.reset();
        assertEquals(0, weir("run", "-D", "parallelism.default=3", "-p", "2",
                ParallelismReportingJob.class.getName()), err.toString());
        assertEquals(List.of(2), ParallelismReportingJob.subtaskParallelisms);

        ParallelismReportingJob.reset();
        assertEquals(0, weir("run", "-p", "2", ParallelismReportingJob.class.getName(), "code-parallelism=1"),
                err.toString());
        assertEquals(List.of(1), ParallelismReportingJob.subtaskParallelisms);
        assertEquals("from-file", ParallelismReportingJob.name);
    }

    @Test
    void withoutAConfDirNoConfigYamlIsRead() throws IOException {
        configYaml("parallelism.default: 2");
        CommandLine cli = WeirCli.commandLine(null);
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("run", "-p", "1", ParallelismReportingJob.class.getName()), err.toString());
        assertEquals(List.of(1), ParallelismReportingJob.subtaskParallelisms);
    }

    @Test
    void aMisspeltDashDKeyIsAUserErrorWithTheClosestKey() {
        assertEquals(WeirCli.USER_ERROR, weir("run", "-D", "execution.runtime-mdoe=BATCH",
                ParallelismReportingJob.class.getName()));
        assertEquals("Error: -D execution.runtime-mdoe=BATCH: Unknown configuration key 'execution.runtime-mdoe'. "
                + "Did you mean 'execution.runtime-mode'? See all keys with: bin/weir config list",
                err.toString().strip());
        assertEquals(null, ParallelismReportingJob.subtaskParallelisms, "the job must not start");
    }

    @Test
    void aBadValueInConfigYamlNamesTheFileAndLine() throws IOException {
        configYaml("# settings", "pipeline:", "  auto-watermark-interval: often");
        assertEquals(WeirCli.USER_ERROR, weir("run", ParallelismReportingJob.class.getName()));
        assertTrue(err.toString().contains("config.yaml line 3: Invalid value 'often' for configuration key "
                + "'pipeline.auto-watermark-interval'"), err.toString());
    }

    @Test
    void aZeroParallelismIsAUserError() {
        assertEquals(WeirCli.USER_ERROR, weir("run", "-p", "0", ParallelismReportingJob.class.getName()));
        assertTrue(err.toString().contains("-p 0: Invalid value '0' for configuration key 'parallelism.default': "
                + "the value must be at least 1."), err.toString());
    }

    @Test
    void runHelpListsTheConfigurationOptions() {
        assertEquals(0, weir("run", "--help"));
        String help = out.toString();
        assertTrue(help.contains("-D=<key>=<value>") || help.contains("-D <key>=<value>"), help);
        assertTrue(help.contains("-p, --parallelism"), help);
        assertTrue(help.contains("bin/weir config list"), help);
    }

    @Test
    void configListAndDocsComeFromTheRegistry() {
        assertEquals(0, weir("config", "list"));
        String list = out.toString();
        assertTrue(list.contains("execution.checkpointing.interval  (Duration, default none)"), list);
        assertTrue(list.contains("Deprecated keys: state.backend."), list);
        assertTrue(list.contains("taskmanager.memory.segment-size  (MemorySize, default 32 kb)"), list);
        out.getBuffer().setLength(0);
        assertEquals(0, weir("config", "docs"));
        assertTrue(out.toString().startsWith("# Configuration\n"), out.toString());
        assertTrue(out.toString().contains("| `state.backend.type` | String | hashmap |"), out.toString());
    }

    /** Runs a small job and records the settings its environment and its subtasks saw. */
    public static final class ParallelismReportingJob {
        static volatile int environmentParallelism;
        static volatile int maxParallelism;
        static volatile String name;
        static volatile List<Integer> subtaskParallelisms;

        static void reset() {
            environmentParallelism = 0;
            maxParallelism = 0;
            name = null;
            subtaskParallelisms = null;
        }

        public static void main(String[] args) throws Exception {
            Configuration fromCode = new Configuration();
            for (String arg : args) {
                if (arg.startsWith("code-parallelism=")) {
                    fromCode.set(PipelineOptions.PARALLELISM, Integer.parseInt(arg.substring(17)));
                }
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(fromCode);
            environmentParallelism = env.getParallelism();
            maxParallelism = env.getMaxParallelism();
            name = env.getConfiguration().getOptional(PipelineOptions.NAME).orElse(null);
            List<Integer> seen = new ArrayList<>();
            try (CloseableIterator<Integer> results = env.fromSequence(1, 64)
                    .map(new RichMapFunction<Long, Integer>() {
                        @Override
                        public Integer map(Long value) {
                            return getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                        }
                    })
                    .executeAndCollect()) {
                results.forEachRemaining(p -> {
                    if (!seen.contains(p)) {
                        seen.add(p);
                    }
                });
            }
            subtaskParallelisms = seen;
        }
    }
}
