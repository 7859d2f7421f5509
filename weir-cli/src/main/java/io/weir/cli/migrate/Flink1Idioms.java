package io.weir.cli.migrate;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The mechanical rewrites of Flink 1.x idioms into their Flink 2.x (and Weir) form, on a parsed
 * source file: {@code fromElements} to {@code fromData}, {@code open(Configuration)} to
 * {@code open(OpenContext)}, the task facts of {@code getRuntimeContext()} to
 * {@code getRuntimeContext().getTaskInfo()}, {@code keyBy(0)} and {@code keyBy("f0")} to a key
 * selector, Flink's {@code Time} to {@code java.time.Duration}, and the dropped
 * {@code setStreamTimeCharacteristic} calls. What looks like an idiom but cannot be rewritten
 * without knowing more than the source says is reported instead.
 *
 * <p>Works on names only (there is no type resolution): a rewrite applies where the name and shape
 * are Flink's, which for these methods is specific enough in practice; the report names every
 * place left alone.
 */
final class Flink1Idioms {
    static final String OPEN_CONTEXT = "io.weir.api.functions.OpenContext";
    static final String DURATION = "java.time.Duration";

    private static final Set<String> TASK_INFO_METHODS = Set.of("getIndexOfThisSubtask",
            "getNumberOfParallelSubtasks", "getMaxNumberOfParallelSubtasks", "getAttemptNumber", "getTaskName",
            "getTaskNameWithSubtasks");
    private static final Map<String, String> TIME_FACTORIES = Map.of("milliseconds", "ofMillis",
            "seconds", "ofSeconds", "minutes", "ofMinutes", "hours", "ofHours", "days", "ofDays");
    private static final List<String> LAMBDA_PARAMETER_NAMES = List.of("value", "element", "record", "in");

    private final BiConsumer<Node, String> report;
    private final Set<String> importsToAdd = new HashSet<>();
    private boolean changed;
    private boolean rewroteKeyBy;

    /** {@code report} receives each node left for the user, with what to do there. */
    Flink1Idioms(BiConsumer<Node, String> report) {
        this.report = report;
    }

    /** Applies every rewrite to {@code unit}; {@code flinkTime} says whether the file imports Flink's Time. */
    void apply(CompilationUnit unit, boolean flinkTime) {
        unit.findAll(MethodCallExpr.class).forEach(call -> rewriteCall(call, flinkTime));
        unit.findAll(MethodDeclaration.class).forEach(this::rewriteOpen);
        if (flinkTime) {
            unit.findAll(ClassOrInterfaceType.class).stream()
                    .filter(t -> t.getNameAsString().equals("Time") && t.getScope().isEmpty())
                    .forEach(this::replaceTimeType);
        }
        if (rewroteKeyBy) {
            unit.findAll(ClassOrInterfaceType.class).stream()
                    .filter(t -> t.getNameAsString().equals("KeyedStream") && t.getTypeArguments().isPresent()
                            && t.getTypeArguments().get().size() == 2
                            && t.getTypeArguments().get().get(1).asString().equals("Tuple"))
                    .forEach(t -> report.accept(t, "the key of keyBy(field) is now the field's value, not a Tuple:"
                            + " change KeyedStream<..., Tuple> to the field's type"));
        }
    }

    private void replaceTimeType(ClassOrInterfaceType time) {
        ClassOrInterfaceType duration = new ClassOrInterfaceType(null, "Duration");
        // A declarator's type is printed from the declarator (the printer keeps no text for it in place)
        if (time.getParentNode().orElse(null) instanceof VariableDeclarator declarator) {
            declarator.setType(duration);
        } else {
            time.replace(duration);
        }
        importsToAdd.add(DURATION);
        changed = true;
    }

    boolean changed() {
        return changed;
    }

    /** Imports the rewritten code needs, as qualified names. */
    Set<String> importsToAdd() {
        return importsToAdd;
    }

    private void rewriteCall(MethodCallExpr call, boolean flinkTime) {
        String name = call.getNameAsString();
        if (name.equals("fromElements")) {
            call.setName("fromData");
            changed = true;
        } else if (TASK_INFO_METHODS.contains(name) && call.getArguments().isEmpty()) {
            rewriteTaskInfoCall(call);
        } else if (name.equals("keyBy")) {
            rewriteKeyBy(call);
        } else if (name.equals("setStreamTimeCharacteristic")) {
            removeTimeCharacteristic(call);
        } else if (flinkTime && isScopedBy(call, "Time")) {
            rewriteTimeFactory(call);
        } else if (flinkTime && name.equals("toMilliseconds") && call.getArguments().isEmpty()) {
            call.setName("toMillis");
            changed = true;
        }
    }

    private void rewriteTaskInfoCall(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        if (scope instanceof MethodCallExpr inner && inner.getNameAsString().equals("getRuntimeContext")
                && inner.getArguments().isEmpty()) {
            call.setScope(new MethodCallExpr(inner.clone(), "getTaskInfo"));
            changed = true;
        } else if (!(scope instanceof MethodCallExpr inner && inner.getNameAsString().equals("getTaskInfo"))) {
            report.accept(call, "if this is a RuntimeContext, " + call.getNameAsString()
                    + "() moved to its TaskInfo: write getTaskInfo()." + call.getNameAsString() + "()");
        }
    }

    private void rewriteKeyBy(MethodCallExpr call) {
        if (call.getArguments().size() != 1) {
            if (call.getArguments().stream().allMatch(a -> a.isIntegerLiteralExpr() || a.isStringLiteralExpr())) {
                report.accept(call, "keyBy with several field positions or names is gone in Flink 2: on a DataStream"
                        + " use a KeySelector that returns a Tuple of the fields (ConnectedStreams.keyBy(int, int)"
                        + " and keyBy(String, String) stay)");
            }
            return;
        }
        Expression argument = call.getArgument(0);
        String field = null;
        if (argument instanceof IntegerLiteralExpr position) {
            field = "f" + position.asNumber();
        } else if (argument instanceof StringLiteralExpr expression) {
            if (expression.getValue().matches("f\\d+")) {
                field = expression.getValue();
            } else {
                report.accept(call, "keyBy(\"" + expression.getValue() + "\") keys by a field expression, which"
                        + " Flink 2 removed: write a KeySelector, e.g. keyBy(value -> value.get"
                        + capitalized(expression.getValue()) + "())");
                return;
            }
        }
        if (field == null) {
            return;
        }
        String parameter = freeName(call);
        // Parsed from text and set up for lexical printing, so that it prints as written here.
        Expression selector = StaticJavaParser.parseExpression(parameter + " -> " + parameter + "." + field);
        call.setArgument(0, LexicalPreservingPrinter.setup(selector));
        changed = true;
        rewroteKeyBy = true;
    }

    private void removeTimeCharacteristic(MethodCallExpr call) {
        if (call.getParentNode().orElse(null) instanceof ExpressionStmt statement) {
            statement.remove();
            changed = true;
        } else {
            report.accept(call, "setStreamTimeCharacteristic is gone: event time is the default; remove the call");
        }
    }

    private void rewriteTimeFactory(MethodCallExpr call) {
        String factory = TIME_FACTORIES.get(call.getNameAsString());
        if (factory != null && call.getArguments().size() == 1) {
            call.setScope(new NameExpr("Duration"));
            call.setName(factory);
            importsToAdd.add(DURATION);
            changed = true;
        } else {
            report.accept(call, "Time." + call.getNameAsString() + "(...) has no direct Duration form here: write"
                    + " a java.time.Duration (Duration.of(amount, ChronoUnit...))");
        }
    }

    /** Rewrites {@code open(Configuration p)} to {@code open(OpenContext p)} when the body does not read {@code p}. */
    private void rewriteOpen(MethodDeclaration method) {
        if (!method.getNameAsString().equals("open") || method.getParameters().size() != 1) {
            return;
        }
        Parameter parameter = method.getParameter(0);
        String type = parameter.getType().asString();
        if (!type.equals("Configuration") && !type.equals("org.apache.flink.configuration.Configuration")) {
            return;
        }
        String name = parameter.getNameAsString();
        boolean readsParameter = method.findAll(NameExpr.class).stream()
                .filter(n -> n.getNameAsString().equals(name))
                .anyMatch(n -> !isSuperOpenArgument(n));
        if (readsParameter) {
            report.accept(method, "open(Configuration) is open(OpenContext) in Flink 2, and this one reads its"
                    + " parameter '" + name + "': take the settings from the job's configuration or the function's"
                    + " constructor, then change the parameter to OpenContext");
            return;
        }
        parameter.setType(new ClassOrInterfaceType(null, "OpenContext"));
        importsToAdd.add(OPEN_CONTEXT);
        changed = true;
    }

    private static boolean isSuperOpenArgument(NameExpr name) {
        return name.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("open")
                && call.getScope().map(Expression::isSuperExpr).orElse(false);
    }

    private static boolean isScopedBy(MethodCallExpr call, String className) {
        return call.getScope().map(s -> s instanceof NameExpr n && n.getNameAsString().equals(className)
                || s instanceof FieldAccessExpr f && f.toString().endsWith(".time." + className)).orElse(false);
    }

    /** A lambda parameter name that no variable or parameter of the enclosing method uses. */
    private static String freeName(Node at) {
        Node scope = at.findAncestor(MethodDeclaration.class).map(Node.class::cast).orElse(at);
        Set<String> taken = new HashSet<>();
        scope.findAll(VariableDeclarator.class).forEach(v -> taken.add(v.getNameAsString()));
        scope.findAll(Parameter.class).forEach(p -> taken.add(p.getNameAsString()));
        scope.findAll(NameExpr.class).forEach(n -> taken.add(n.getNameAsString()));
        for (String candidate : LAMBDA_PARAMETER_NAMES) {
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        int i = 0;
        while (taken.contains("value" + i)) {
            i++;
        }
        return "value" + i;
    }

    private static String capitalized(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
