package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.types.Row;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Runs a generated {@link RowProgram} on every row. The Java source travels with the function and
 * is compiled once per subtask in {@link #open}, so the hot path is a direct call into generated
 * bytecode: no interpretation of expressions per row.
 */
public final class CompiledCalc extends RichFlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String className;
    private final String source;
    private transient RowProgram program;

    public CompiledCalc(String className, String source) {
        this.className = className;
        this.source = source;
    }

    /** Compiles the source; also used at planning time, so a code generation bug fails before the job runs. */
    public static RowProgram compile(String className, String source) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(CompiledCalc.class.getClassLoader());
        try {
            compiler.cook(source);
            return (RowProgram) compiler.getClassLoader().loadClass(className).getDeclaredConstructor().newInstance();
        } catch (CompileException | ReflectiveOperationException e) {
            throw new IllegalStateException("Generated code for " + className + " does not compile; this is a bug in "
                    + "Weir's SQL code generator:\n" + source, e);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        program = compile(className, source);
    }

    @Override
    public void flatMap(Row value, Collector<Row> out) {
        Row result = program.apply(value);
        if (result != null) {
            out.collect(result);
        }
    }
}
