package io.weir.cli.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single rewrites of {@link SourceFileMigration}, on sources given inline, with the bundled table. */
class SourceFileMigrationTest {
    private static final ClassTable TABLE = ClassTable.bundled();
    private static final Path FILE = Path.of("Job.java");

    private static SourceFileMigration.Result migrate(String... lines) {
        return SourceFileMigration.migrate(FILE, String.join("\n", lines) + "\n", TABLE);
    }

    private static String rewritten(String... lines) {
        return migrate(lines).rewritten().orElseThrow();
    }

    @Test
    void theBundledGuideHoldsBothTables() {
        assertTrue(TABLE.size() > 300, "rows: " + TABLE.size());
        assertEquals("io.weir.api.datastream.DataStream",
                TABLE.replacementOf("org.apache.flink.streaming.api.datastream.DataStream").orElseThrow());
        assertEquals("io.weir.api.functions.source.SourceFunction",
                TABLE.replacementOf("org.apache.flink.streaming.api.functions.source.SourceFunction").orElseThrow());
    }

    @Test
    void nestedAndStaticImportsMapThroughTheirClass() {
        String out = rewritten(
                "import org.apache.flink.streaming.api.functions.ProcessFunction.Context;",
                "import static org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks;",
                "class Job { Context c; Object w = noWatermarks(); }");
        assertTrue(out.contains("import io.weir.api.functions.ProcessFunction.Context;"), out);
        assertTrue(out.contains("import static io.weir.api.eventtime.WatermarkStrategy.noWatermarks;"), out);
    }

    @Test
    void wildcardImportsBecomeTheWeirPackagesTheirClassesMovedTo() {
        SourceFileMigration.Result result = migrate(
                "import org.apache.flink.streaming.api.windowing.assigners.*;",
                "import org.apache.flink.api.common.functions.*;",
                "import org.apache.flink.no.such.pkg.*;",
                "class Job {}");
        String out = result.rewritten().orElseThrow();
        assertTrue(out.contains("import io.weir.api.windowing.assigners.*;"), out);
        assertTrue(out.contains("import io.weir.api.functions.*;") && out.contains("import io.weir.api.types.*;"),
                out);
        assertEquals(List.of("no Weir class for org.apache.flink.no.such.pkg.*: see"
                + " docs/migrating-from-flink.md for what Weir has instead"),
                result.findings().stream().map(Finding::message).toList());
    }

    @Test
    void keyByLambdaParameterAvoidsNamesTheMethodUses() {
        String out = rewritten(
                "import org.apache.flink.streaming.api.datastream.DataStream;",
                "class Job { void f(DataStream<?> s, int value) { Object element = s.keyBy(\"f1\"); } }");
        assertTrue(out.contains("s.keyBy(record -> record.f1)"), out);
    }

    @Test
    void openThatOnlyHandsItsParameterToSuperIsRewrittenAndTheConfigurationImportGoes() {
        String out = rewritten(
                "import org.apache.flink.api.common.functions.RichMapFunction;",
                "import org.apache.flink.configuration.Configuration;",
                "abstract class M extends RichMapFunction<String, String> {",
                "    @Override public void open(Configuration c) throws Exception { super.open(c); }",
                "}");
        assertTrue(out.contains("public void open(OpenContext c) throws Exception { super.open(c); }"), out);
        assertTrue(out.contains("import io.weir.api.functions.OpenContext;"), out);
        assertTrue(!out.contains("Configuration"), out);
    }

    @Test
    void aFileWithoutFlinkIsLeftAlone() {
        SourceFileMigration.Result result = migrate("import java.util.List;", "class Job { List<String> l; }");
        assertTrue(result.rewritten().isEmpty());
        assertTrue(result.findings().isEmpty());
    }
}
