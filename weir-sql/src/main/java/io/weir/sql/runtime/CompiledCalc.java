package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.types.Row;
import io.weir.sql.functions.FunctionContext;
import io.weir.sql.functions.UserDefinedFunction;
import java.util.List;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Runs a generated {@link RowProgram} on every row. The Java source travels with the function and
 * is compiled once per subtask in {@link #open}, so the hot path is a direct call into generated
 * bytecode: no interpretation of expressions per row. User-defined functions the program calls
 * travel with it too (each subtask deserializes its own copies), opened and closed with it.
 */
public final class CompiledCalc extends RichFlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String className;
    private final String source;
    private final List<UserDefinedFunction> functions;
    private transient RowProgram program;

    public CompiledCalc(String className, String source) {
        this(className, source, List.of());
    }

    public CompiledCalc(String className, String source, List<UserDefinedFunction> functions) {
        this.className = className;
        this.source = source;
        this.functions = List.copyOf(functions);
    }

    /** Compiles the source; also used at planning time, so a code generation bug fails before the job runs. */
    public static RowProgram compile(String className, String source) {
        return compile(className, source, List.of());
    }

    /**
     * Compiles the source against the classes of the functions it calls (a user's class loader
     * sees Weir's classes, so it is the parent when there are functions) and hands them over.
     */
    public static RowProgram compile(String className, String source, List<UserDefinedFunction> functions) {
        SimpleCompiler compiler = new SimpleCompiler();
        ClassLoader parent = functions.isEmpty() || functions.get(0).getClass().getClassLoader() == null
                ? CompiledCalc.class.getClassLoader() : functions.get(0).getClass().getClassLoader();
        compiler.setParentClassLoader(parent);
        RowProgram program;
        try {
            compiler.cook(source);
            program = (RowProgram) compiler.getClassLoader().loadClass(className).getDeclaredConstructor().newInstance();
        } catch (CompileException | ReflectiveOperationException e) {
            throw new IllegalStateException("Generated code for " + className + " does not compile; this is a bug in "
                    + "Weir's SQL code generator:\n" + source, e);
        }
        program.setFunctions(functions.toArray());
        return program;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        FunctionContext context = new FunctionContext(getRuntimeContext());
        for (UserDefinedFunction function : functions) {
            function.open(context);
        }
        program = compile(className, source, functions);
    }

    @Override
    public void flatMap(Row value, Collector<Row> out) {
        Row result = program.apply(value);
        if (result != null) {
            out.collect(result);
        }
    }

    @Override
    public void close() throws Exception {
        for (UserDefinedFunction function : functions) {
            function.close();
        }
    }
}
