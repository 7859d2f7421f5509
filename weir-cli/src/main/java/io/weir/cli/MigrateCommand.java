package io.weir.cli;

import io.weir.cli.migrate.ClassTable;
import io.weir.cli.migrate.Finding;
import io.weir.cli.migrate.SourceTreeMigration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir migrate <dir>}: rewrites a Flink job's sources for Weir and lists what is left by hand. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {"Rewrite the Java sources under DIR from Flink to Weir, in place: imports (by the table of"
                + " docs/migrating-from-flink.md) and the mechanical Flink 1.x idioms (fromElements, open(Configuration),"
                + " getRuntimeContext().getIndexOfThisSubtask(), keyBy(0), Time.seconds(...), ...).",
            "Every place it cannot rewrite is printed as file:line: what to do. Commit or back up first."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The source tree, e.g. the job project's src/.")
    Path directory;

    @Option(names = "--dry-run", description = "Report what would change; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(directory)) {
            throw new UserError("migrate needs a directory of Java sources; '" + directory + "' is not one.");
        }
        SourceTreeMigration.Report report = new SourceTreeMigration(ClassTable.bundled()).migrate(directory, dryRun);
        PrintWriter out = spec.commandLine().getOut();
        for (Finding finding : report.findings()) {
            out.println(directory.resolve(finding.file()) + ":" + finding.line() + ": " + finding.message());
        }
        out.println((dryRun ? "Would rewrite " : "Rewrote ") + report.rewrittenFiles().size() + " of "
                + report.scannedFiles() + " Java files; " + report.findings().size()
                + (report.findings().size() == 1 ? " place needs" : " places need") + " your attention"
                + (report.findings().isEmpty() ? "." : " (listed above)."));
        out.flush();
        return 0;
    }
}
