package io.weir.cli.migrate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Migrates one Java source file: rewrites the Flink 1.x idioms ({@link Flink1Idioms}), then each
 * Flink import to the class the {@link ClassTable} names, and reports what is left. The file keeps
 * its formatting and comments: only the rewritten nodes are printed anew.
 */
final class SourceFileMigration {
    private static final Set<String> FLINK_TIME_CLASSES = Set.of(
            "org.apache.flink.streaming.api.windowing.time.Time", "org.apache.flink.api.common.time.Time");

    /** The new text of the file (empty if nothing changed) and the places left for the user. */
    record Result(Optional<String> rewritten, List<Finding> findings) {}

    private final Path file;
    private final ClassTable table;
    private final List<Finding> findings = new ArrayList<>();
    private boolean changed;

    private SourceFileMigration(Path file, ClassTable table) {
        this.file = file;
        this.table = table;
    }

    static Result migrate(Path file, String source, ClassTable table) {
        return new SourceFileMigration(file, table).run(source);
    }

    private Result run(String source) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> parsed = parser.parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            int line = parsed.getProblems().isEmpty() ? 1 : parsed.getProblem(0).getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
            String problem = parsed.getProblems().isEmpty() ? "unknown problem" : parsed.getProblem(0).getMessage();
            findings.add(new Finding(file, line, "not rewritten: the file does not parse as Java 17 ("
                    + problem.lines().findFirst().orElse(problem) + ")"));
            return new Result(Optional.empty(), findings);
        }
        CompilationUnit unit = LexicalPreservingPrinter.setup(parsed.getResult().get());
        boolean flinkTime = unit.getImports().stream().anyMatch(i -> FLINK_TIME_CLASSES.contains(i.getNameAsString())
                || i.isAsterisk() && FLINK_TIME_CLASSES.stream().anyMatch(c -> c.startsWith(i.getNameAsString() + ".")));
        Flink1Idioms idioms = new Flink1Idioms(this::report);
        idioms.apply(unit, flinkTime);
        changed |= idioms.changed();
        rewriteImports(unit);
        addImports(unit, idioms.importsToAdd());
        return new Result(changed ? Optional.of(LexicalPreservingPrinter.print(unit)) : Optional.empty(), findings);
    }

    private void rewriteImports(CompilationUnit unit) {
        Set<String> used = namesUsedOutsideImports(unit);
        Set<String> kept = new HashSet<>();
        for (ImportDeclaration declaration : new ArrayList<>(unit.getImports())) {
            String name = declaration.getNameAsString();
            if (!name.startsWith("org.apache.flink.")) {
                kept.add(importKey(declaration, name));
                continue;
            }
            if (declaration.isAsterisk() && !declaration.isStatic()) {
                rewriteWildcard(unit, declaration, kept);
                continue;
            }
            Optional<String> target = table.replacementOfPrefix(name);
            String simpleName = name.substring(name.lastIndexOf('.') + 1);
            boolean unused = !declaration.isAsterisk() && !declaration.isStatic() && !used.contains(simpleName);
            if (unused || target.isPresent() && !kept.add(importKey(declaration, target.get()))) {
                declaration.remove(); // left unused by the rewrite (open's Configuration, TimeCharacteristic), or a twin
                changed = true;
            } else if (target.isPresent()) {
                declaration.setName(new Name(null, target.get()).toString());
                changed = true;
            } else {
                report(declaration, "no Weir class for " + name + (declaration.isAsterisk() ? ".*" : "")
                        + ": see docs/migrating-from-flink.md for what Weir has instead");
            }
        }
    }

    /**
     * A wildcard import of a Flink package becomes wildcard imports of the packages its classes
     * moved to (one or several: importing a package's classes on demand costs nothing unused).
     */
    private void rewriteWildcard(CompilationUnit unit, ImportDeclaration declaration, Set<String> kept) {
        String name = declaration.getNameAsString();
        List<String> targets = table.replacementsOfPackage(name);
        if (targets.isEmpty()) {
            report(declaration, "no Weir class for " + name + ".*: see docs/migrating-from-flink.md for what Weir has"
                    + " instead");
            return;
        }
        List<String> added = targets.stream().filter(t -> kept.add(importKey(declaration, t))).toList();
        if (added.isEmpty()) {
            declaration.remove();
        } else {
            declaration.setName(added.get(0));
            added.subList(1, added.size()).forEach(t -> unit.addImport(t, false, true));
        }
        changed = true;
    }

    private static String importKey(ImportDeclaration declaration, String name) {
        return (declaration.isStatic() ? "static " : "") + name + (declaration.isAsterisk() ? ".*" : "");
    }

    private void addImports(CompilationUnit unit, Set<String> qualifiedNames) {
        for (String name : qualifiedNames) {
            boolean present = unit.getImports().stream().anyMatch(i -> i.getNameAsString().equals(name));
            if (!present) {
                unit.addImport(name);
                changed = true;
            }
        }
    }

    /** The simple names the file refers to outside its import declarations. */
    private static Set<String> namesUsedOutsideImports(CompilationUnit unit) {
        Set<String> used = new HashSet<>();
        unit.findAll(SimpleName.class).stream()
                .filter(n -> n.findAncestor(ImportDeclaration.class).isEmpty())
                .forEach(n -> used.add(n.getIdentifier()));
        unit.findAll(Name.class).stream()
                .filter(n -> n.findAncestor(ImportDeclaration.class).isEmpty())
                .forEach(n -> used.add(n.getIdentifier()));
        unit.getAllComments().forEach(c -> used.addAll(javadocLinks(c.getContent())));
        return used;
    }

    /** Words of a comment, so that a class only named in {@code {@link ...}} keeps its import. */
    private static Set<String> javadocLinks(String comment) {
        Set<String> words = new HashSet<>();
        for (String word : comment.split("[^A-Za-z0-9_]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private void report(Node node, String message) {
        findings.add(new Finding(file, node.getBegin().map(p -> p.line).orElse(1), message));
    }
}
