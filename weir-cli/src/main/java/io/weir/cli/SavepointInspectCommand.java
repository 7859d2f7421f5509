package io.weir.cli;

import io.weir.runtime.checkpoint.KeyedStateDump;
import io.weir.runtime.checkpoint.SnapshotInspection;
import io.weir.runtime.state.KeyedStateRows;
import io.weir.runtime.state.KeyedStateSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir savepoint inspect <dir>}: what a savepoint or retained checkpoint holds, operator by
 * operator; with {@code --operator <uid> --state <name>}, the rows of one keyed state, read with the
 * serializers restored from the snapshots stored with it.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {"List the operators of a savepoint or retained checkpoint with their uids, and each state's"
                + " name, kind, type and size. Reads files only; no cluster is needed.",
                "With --operator and --state, print one keyed state's rows instead: key, namespace (window state),"
                + " map key (map state) and value; a list state gives one row per element."})
final class SavepointInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<path>", description = "The savepoint's (or chk-<n>) directory, or its _metadata file.")
    Path path;

    @Option(names = {"-v", "--verbose"}, description = "Also show each state's serializers.")
    boolean verbose;

    @Option(names = "--operator", paramLabel = "<uid>",
            description = "With --state: the operator whose state to print, by uid (or by name if it has none).")
    String operator;

    @Option(names = "--state", paramLabel = "<name>", description = "The keyed state of --operator to print as rows.")
    String state;

    @Option(names = "--limit", paramLabel = "<rows>", defaultValue = "100",
            description = "With --state: print at most this many rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "With --state: an aligned table (default) or a JSON array.")
    String format;

    @Option(names = {"-c", "--classpath"}, paramLabel = "<jar-or-dir>",
            description = "With --state: a jar or class directory with the classes of the state's types (the job's"
                    + " jar); repeat for more.")
    List<Path> classpath = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new UserError(path + " does not exist; pass a savepoint directory (savepoint-…) or a retained"
                    + " checkpoint (…/chk-<n>).");
        }
        if (operator != null || state != null) {
            return printRows();
        }
        SnapshotInspection inspection;
        try {
            inspection = SnapshotInspection.of(path);
        } catch (IOException | RuntimeException e) {
            throw new UserError("Cannot read " + path + ": " + e.getMessage());
        }
        print(inspection, spec.commandLine().getOut());
        return 0;
    }

    private int printRows() {
        if (operator == null || state == null) {
            throw new UserError("Give both --operator <uid> and --state <name> to print a state's rows; without them"
                    + " inspect lists every operator's states.");
        }
        if (limit <= 0) {
            throw new UserError("--limit must be at least 1, not " + limit + ".");
        }
        StateRowsPrinter.Format rowFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "table" -> StateRowsPrinter.Format.TABLE;
            case "json" -> StateRowsPrinter.Format.JSON;
            default -> throw new UserError("--format must be table or json, not '" + format + "'.");
        };
        ClassLoader loader = JobLauncher.classLoaderFor(classpath);
        KeyedStateRows.Rows rows;
        try {
            rows = KeyedStateDump.read(path, operator, state, limit, loader);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new UserError(cannotRead(e));
        }
        StateRowsPrinter.print(rows, rowFormat, spec.commandLine().getOut());
        return 0;
    }

    private String cannotRead(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException missing) {
                return "State '" + state + "' of operator '" + operator + "' holds values of class "
                        + missing.getMessage() + ", which is not on the classpath: add the job's jar (or its classes"
                        + " directory) with --classpath <jar>.";
            }
        }
        return "Cannot read state '" + state + "' of operator '" + operator + "' in " + path + ": " + e.getMessage();
    }

    private void print(SnapshotInspection inspection, PrintWriter out) {
        out.println("Snapshot " + inspection.path() + " (id " + inspection.checkpointId() + ", taken "
                + Instant.ofEpochMilli(inspection.timestamp()) + ")");
        List<String> stateless = new ArrayList<>();
        for (SnapshotInspection.Operator operator : inspection.operators()) {
            if (!operator.hasState()) {
                stateless.add("'" + operator.identity().name() + "'");
                continue;
            }
            out.println();
            out.println("Operator '" + operator.identity().name() + "' (" + identity(operator) + "), parallelism "
                    + operator.parallelism() + ", max parallelism " + operator.identity().maxParallelism());
            for (KeyedStateSummary.Entry state : operator.keyedState()) {
                String kind = "TIMERS".equals(state.kind()) ? "timers" : "keyed state";
                out.printf("  %-15s %-24s %-11s %-24s %5d key groups %12s%n", kind, state.name(),
                        state.kind() + (state.ttl() ? "+TTL" : ""), state.type(), state.keyGroups(), size(state.bytes()));
                if (verbose) {
                    out.println("      serializers: " + state.serializers());
                }
            }
            for (SnapshotInspection.OperatorState state : operator.operatorState()) {
                out.printf("  %-15s %-24s %-11s %-24s %5d entries    %12s%n", "operator state", state.name(),
                        state.mode(), "", state.entries(), size(state.bytes()));
                if (verbose && state.serializers() != null) {
                    out.println("      serializers: " + state.serializers());
                }
            }
            if (operator.coordinatorStateBytes() > 0) {
                out.printf("  %-15s %-24s %-11s %-24s %5s              %12s%n", "coordinator", "(source enumerator)", "",
                        "", "", size(operator.coordinatorStateBytes()));
            }
        }
        if (!stateless.isEmpty()) {
            out.println();
            out.println("Without state: " + String.join(", ", stateless));
        }
        out.flush();
    }

    private static String identity(SnapshotInspection.Operator operator) {
        String uid = operator.identity().uid();
        return (uid == null ? "no uid" : "uid '" + uid + "'") + ", operator id " + operator.identity().operatorId();
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format("%.1f KiB", bytes / 1024.0)
                : String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
