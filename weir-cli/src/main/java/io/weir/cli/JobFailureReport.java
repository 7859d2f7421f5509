package io.weir.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What the CLI prints when a job throws: one summary line with the message of every exception in
 * the cause chain, each said once, then the type and stack trace of the root cause, where the fault
 * usually is (with its message only if the summary does not hold it).
 *
 * <pre>
 * Job failed: Job execution failed: Task 'Map (1/2)' failed: ArithmeticException: / by zero
 * Root cause: java.lang.ArithmeticException
 *     at my.Job.lambda$main$0(Job.java:12)
 *     ...
 * </pre>
 *
 * <p>Frames of the launcher itself (reflection, picocli, this package) are left out: they are
 * the same for every job and say nothing about the failure.
 */
final class JobFailureReport {

    private JobFailureReport() {}

    static void print(Throwable failure, PrintWriter err) {
        List<Throwable> chain = causeChain(failure);
        String summary = summary(chain);
        err.println("Job failed: " + summary);
        Throwable root = chain.get(chain.size() - 1);
        // Each message is said once: the summary line usually holds the root cause's already.
        String message = root.getMessage();
        boolean said = message != null && summary.contains(message);
        err.println("Root cause: " + root.getClass().getName() + (said || message == null ? "" : ": " + message));
        StackTraceElement[] frames = root.getStackTrace();
        int shown = jobFrameCount(frames);
        for (int i = 0; i < shown; i++) {
            err.println("\tat " + frames[i]);
        }
        if (shown < frames.length) {
            err.println("\t... " + (frames.length - shown) + " frames of the Weir launcher");
        }
        err.flush();
    }

    /** The chain from {@code failure} to its root cause, stopping at a cycle. */
    static List<Throwable> causeChain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /**
     * The messages of the chain joined by ": ", each said once. A message is left out when it adds
     * nothing: a wrapper without one, a wrapper whose message is only its cause's
     * {@code toString()} (what {@code new RuntimeException(cause)} produces), and a cause the
     * message before it already quotes. The root cause names its type, because messages like
     * "/ by zero" need it.
     */
    static String summary(List<Throwable> chain) {
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            Throwable t = chain.get(i);
            boolean root = i == chain.size() - 1;
            String message = t.getMessage();
            if (!root && (message == null || message.equals(String.valueOf(t.getCause())))) {
                continue;
            }
            String text = root ? describe(t) : message;
            String said = summary.toString();
            if (said.contains(t.toString()) || said.contains(text)) {
                continue;
            }
            summary.append(said.isEmpty() ? "" : ": ").append(text);
        }
        return summary.toString();
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }

    /**
     * How many leading frames belong to the job: all of them, unless the root cause was thrown on
     * the launcher's thread, in which case the frames from the reflective call of {@code main} on
     * are dropped.
     */
    private static int jobFrameCount(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(JobLauncher.class.getName())) {
                int end = i;
                while (end > 0 && isReflection(frames[end - 1])) {
                    end--;
                }
                return end;
            }
        }
        return frames.length;
    }

    private static boolean isReflection(StackTraceElement frame) {
        String className = frame.getClassName();
        return className.startsWith("java.lang.reflect.") || className.startsWith("jdk.internal.reflect.");
    }
}
