package io.weir.cli;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.web.JobPlanJson;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir info}: prints the plan of the job a program would run (vertices, parallelism, edges),
 * without running it: the program's {@code main} runs until its first {@code execute()}, which
 * builds the job graph and stops the program there.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Print the plan of the job <main-class> would run, as JSON (the layout of Flink's info and of"
                    + " the REST API's /jobs/<id>/plan), without running it.",
            "The program's main runs until it calls execute(): the job it would submit is planned there and"
                    + " the program stops. Give the class and its jars as for run; or a jar whose manifest names"
                    + " its Main-Class in place of <main-class>."
        })
final class InfoCommand implements Callable<Integer> {

    @Option(names = {"-c", "--classpath"}, paramLabel = "<jar-or-dir>",
            description = "A jar or a directory of classes holding the job; repeat for more.")
    private List<Path> classpath = new ArrayList<>();

    @Mixin
    private ConfigurationOptions configurationOptions;

    @Parameters(index = "0", paramLabel = "<main-class>",
            description = "Fully qualified name of the job's main class, or a jar whose manifest names it.")
    private String mainClass;

    @Parameters(index = "1..*", paramLabel = "<job-args>", description = "Passed to the job's main unchanged.")
    private List<String> jobArgs = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** Where config.yaml is looked for; {@code null} for no file. */
    Path confDir;

    @Override
    public Integer call() {
        Configuration configuration = configurationOptions.configuration(confDir);
        List<Path> entries = new ArrayList<>(classpath);
        String className = mainClass;
        if (mainClass.endsWith(".jar")) {
            Path jar = Path.of(mainClass);
            entries.add(jar);
            JobLauncher.classLoaderFor(List.of(jar)); // a missing or unreadable jar is refused here, saying so
            className = manifestMainClass(jar);
        }
        ClassLoader loader = JobLauncher.classLoaderFor(entries);
        Method main;
        try {
            main = JobLauncher.findMain(loader, className);
        } catch (ClassNotFoundException e) {
            String where = entries.isEmpty() ? "the distribution's lib/" : entries + " or the distribution's lib/";
            throw new UserError("main class '" + className + "' was not found in " + where
                    + "; check the fully qualified name and pass the job's jar with -c <jar>.");
        }
        JobGraph job = plan(main, loader, configuration);
        spec.commandLine().getOut().println(JobPlanJson.of(job));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The Main-Class of a jar's manifest, or a user error saying how to name the class instead. */
    private static String manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (name == null || name.isBlank()) {
                throw new UserError("'" + jar + "' names no Main-Class in its manifest; name the job's class:"
                        + " bin/weir info -c " + jar + " <main-class> [args]");
            }
            return name.trim();
        } catch (IOException e) {
            throw new UserError("'" + jar + "' is not a readable jar (" + e.getMessage() + ").");
        }
    }

    /** Runs {@code main} until it executes its first job, and returns that job's graph. */
    private JobGraph plan(Method main, ClassLoader loader, Configuration configuration) {
        CompletableFuture<JobGraph> planned = new CompletableFuture<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        ConfigurationOptions.install(configuration, new PlanningExecutor(planned));
        try {
            main.invoke(null, (Object) jobArgs.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            if (!planned.isDone()) {
                if (JobLauncher.isArgumentError(e.getCause())) {
                    throw new UserError("invalid arguments for " + main.getDeclaringClass().getName() + ": "
                            + e.getCause().getMessage());
                }
                throw new UserError("the main method of " + main.getDeclaringClass().getName()
                        + " failed before it executed a job: " + e.getCause());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("main was made accessible but still cannot be called", e);
        } finally {
            ConfigurationOptions.uninstall();
            thread.setContextClassLoader(previous);
        }
        if (!planned.isDone()) {
            throw new UserError("the main method of " + main.getDeclaringClass().getName() + " returned without"
                    + " executing a job; does it call execute() on its environment?");
        }
        try {
            return planned.join();
        } catch (RuntimeException e) {
            throw new UserError("the job of " + main.getDeclaringClass().getName() + " cannot be planned: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    /** Builds the first job's graph instead of submitting it, and stops the program. */
    private record PlanningExecutor(CompletableFuture<JobGraph> planned) implements PipelineExecutor {
        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) {
            try {
                planned.complete(JobGraphBuilder.build(StreamGraphBuilder.build(pipeline, userClassLoader),
                        userClassLoader));
            } catch (RuntimeException e) {
                planned.completeExceptionally(e);
            }
            throw new PlanTaken();
        }

        @Override
        public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
            throw new IllegalStateException("a planned job has no results");
        }
    }

    /**
     * Thrown out of the program's {@code execute()} once its plan is taken: an {@code Error}, so that a
     * program catching {@code Exception} around {@code execute()} still stops.
     */
    private static final class PlanTaken extends Error {
        PlanTaken() {
            super("the job's plan was taken; the program stops here", null, false, false);
        }
    }
}
