package io.weir.web;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobID;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code main} method of an uploaded jar so that the jobs it executes go to this
 * server's cluster: on a thread of its own, with the jar's class loader (parent first, so the
 * program shares the cluster's Weir classes) and a thread context environment whose executor
 * submits to the cluster with the request's settings. {@link #start} completes with the first
 * job's id as soon as the program submits it; the program then goes on as it would from the
 * command line ({@code execute()} waits for its job), and ends with it.
 *
 * <p>Threading: {@link #start} may be called from any thread; the program runs on a daemon thread
 * named {@code weir-jar-<jar name>}.
 */
final class JarProgram {
    private static final Logger LOG = LoggerFactory.getLogger(JarProgram.class);

    private final Path jar;
    private final String jarName;
    private final String entryClass;

    /**
     * @param entryClass the class whose {@code main} to run
     * @throws RestError 400 if the jar has no such class or it has no {@code public static void main(String[])}
     */
    JarProgram(Path jar, String jarName, String entryClass) {
        this.jar = jar;
        this.jarName = jarName;
        this.entryClass = entryClass;
    }

    /**
     * Starts the program; the future completes with the id of the first job it submits, or
     * exceptionally with a {@link RestError} when it ends or fails without submitting one.
     *
     * @param executor submits the program's jobs to the cluster
     * @param jobConfiguration the settings of the program's environments (parallelism, savepoint, ...)
     */
    CompletableFuture<JobID> start(PipelineExecutor executor, Configuration jobConfiguration, List<String> args) {
        URLClassLoader loader = classLoader();
        Method main = findMain(loader);
        CompletableFuture<JobID> submitted = new CompletableFuture<>();
        PipelineExecutor reporting = new ReportingExecutor(executor, submitted);
        Thread thread = new Thread(() -> run(main, loader, reporting, jobConfiguration, args, submitted),
                "weir-jar-" + jarName);
        thread.setDaemon(true);
        thread.start();
        return submitted;
    }

    /**
     * Runs the program only until it executes its first job, and completes with that job's graph
     * instead of submitting it ({@code GET /jars/:jarid/plan}): the program is stopped by an error
     * thrown from its {@code execute()} call, which it cannot catch as an {@code Exception}.
     */
    CompletableFuture<JobGraph> plan(Configuration jobConfiguration, List<String> args) {
        URLClassLoader loader = classLoader();
        Method main = findMain(loader);
        CompletableFuture<JobGraph> planned = new CompletableFuture<>();
        CompletableFuture<JobID> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            run(main, loader, new PlanningExecutor(planned), jobConfiguration, args, outcome);
            outcome.whenComplete((id, failure) -> {
                if (failure != null) {
                    planned.completeExceptionally(failure);
                }
            });
        }, "weir-jar-plan-" + jarName);
        thread.setDaemon(true);
        thread.start();
        return planned;
    }

    private void run(Method main, ClassLoader loader, PipelineExecutor executor, Configuration jobConfiguration,
            List<String> args, CompletableFuture<JobID> submitted) {
        Thread.currentThread().setContextClassLoader(loader);
        StreamExecutionEnvironment.initializeThreadContextEnvironment(settings ->
                new StreamExecutionEnvironment(executor, new Configuration(jobConfiguration).addAll(settings)));
        try {
            main.invoke(null, (Object) args.toArray(new String[0]));
            submitted.completeExceptionally(RestError.badRequest("The main method of " + entryClass
                    + " returned without executing a job; does it call execute() on its environment?"));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PlanTaken) {
                submitted.cancel(false);
                return;
            }
            if (!submitted.completeExceptionally(RestError.badRequest("The main method of " + entryClass
                    + " failed before it submitted a job: " + cause))) {
                LOG.warn("The program {} of {} failed after submitting its job", entryClass, jarName, cause);
            } else {
                LOG.info("The program {} of {} failed before it submitted a job", entryClass, jarName, cause);
            }
        } catch (IllegalAccessException | RuntimeException | Error e) {
            submitted.completeExceptionally(RestError.badRequest("The main method of " + entryClass
                    + " could not be run: " + e));
        } finally {
            StreamExecutionEnvironment.resetThreadContextEnvironment();
        }
    }

    /** Not closed: the program's jobs load their classes through it for as long as they run. */
    private URLClassLoader classLoader() {
        try {
            return new URLClassLoader("weir-jar-" + jarName, new URL[] {jar.toUri().toURL()},
                    JarProgram.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("A stored jar's path is not a URL: " + jar, e);
        }
    }

    private Method findMain(ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(entryClass, false, loader);
        } catch (ClassNotFoundException e) {
            throw RestError.badRequest("The jar " + jarName + " has no class '" + entryClass + "'; pass the"
                    + " fully qualified name of the class with the main method as entryClass.");
        } catch (LinkageError e) {
            throw RestError.badRequest("The class '" + entryClass + "' of " + jarName + " cannot be loaded (" + e
                    + "); was it compiled for Java 17 against this Weir version?");
        }
        try {
            Method main = type.getMethod("main", String[].class);
            if (Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class) {
                main.setAccessible(true);
                return main;
            }
        } catch (NoSuchMethodException e) {
            // answered below
        }
        throw RestError.badRequest("The class '" + entryClass + "' has no 'public static void main(String[] args)';"
                + " pass the class that builds and executes the job as entryClass.");
    }

    /** Builds the first job's graph instead of running it, and stops the program. */
    private record PlanningExecutor(CompletableFuture<JobGraph> planned) implements PipelineExecutor {
        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) {
            try {
                planned.complete(JobGraphBuilder.build(StreamGraphBuilder.build(pipeline, userClassLoader),
                        userClassLoader));
            } catch (RuntimeException e) {
                planned.completeExceptionally(RestError.badRequest("The program's job cannot be planned: "
                        + e.getMessage()));
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

    /** Passes submissions on and reports the first job's id. */
    private record ReportingExecutor(PipelineExecutor cluster, CompletableFuture<JobID> submitted)
            implements PipelineExecutor {
        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) throws Exception {
            return cluster.execute(pipeline, userClassLoader).whenComplete((client, failure) -> {
                if (client != null) {
                    submitted.complete(client.getJobID());
                } else {
                    submitted.completeExceptionally(RestError.badRequest("The cluster refused the program's job: "
                            + failure));
                }
            });
        }

        @Override
        public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
            return cluster.collect(client, collectId, serializer);
        }
    }
}
