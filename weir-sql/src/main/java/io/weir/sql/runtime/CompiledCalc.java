package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.types.Row;
import io.weir.runtime.operators.CopyFreeInput;
import io.weir.sql.functions.FunctionContext;
import io.weir.sql.functions.UserDefinedFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Runs a generated {@link RowProgram} on every row. The Java source travels with the function and
 * is compiled once per subtask in {@link #open}, so the hot path is a direct call into generated
 * bytecode: no interpretation of expressions per row. User-defined functions the program calls
 * travel with it too (each subtask deserializes its own copies), opened and closed with it.
 */
public final class CompiledCalc extends RichFlatMapFunction<Row, Row> implements CopyFreeInput {

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
        ClassLoader parent = functions.isEmpty() || functions.get(0).getClass().getClassLoader() == null
                ? CompiledCalc.class.getClassLoader() : functions.get(0).getClass().getClassLoader();
        RowProgram program;
        try {
            program = (RowProgram) compiledClass(className, source, parent).getDeclaredConstructor().newInstance();
        } catch (CompileException | ReflectiveOperationException e) {
            throw new IllegalStateException("Generated code for " + className + " does not compile; this is a bug in "
                    + "Weir's SQL code generator:\n" + source, e);
        }
        program.setFunctions(functions.toArray());
        return program;
    }

    /**
     * The classes compiled lately, by source, for programs that call no user functions (their parent
     * class loader is Weir's own, so a class compiled once serves every later compile of the same
     * source in this JVM). A statement is planned and then opened by each subtask of a local job:
     * without this, each of them would compile the same source again (tens of milliseconds each,
     * more in a cold JVM). Each compile still gets its own instance; programs keep no state.
     */
    private static final int CACHED_CLASSES = 256;
    private static final Map<String, Class<?>> COMPILED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            return size() > CACHED_CLASSES;
        }
    };

    private static Class<?> compiledClass(String className, String source, ClassLoader parent)
            throws CompileException, ClassNotFoundException {
        boolean cacheable = parent == CompiledCalc.class.getClassLoader();
        if (cacheable) {
            synchronized (COMPILED) {
                Class<?> compiled = COMPILED.get(source);
                if (compiled != null && compiled.getName().equals(className)) {
                    return compiled;
                }
            }
        }
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(parent);
        compiler.cook(source);
        Class<?> compiled = compiler.getClassLoader().loadClass(className);
        if (cacheable) {
            synchronized (COMPILED) {
                COMPILED.put(source, compiled);
            }
        }
        return compiled;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        FunctionContext context = new FunctionContext(getRuntimeContext());
        for (UserDefinedFunction function : functions) {
            function.open(context);
        }
        program = compile(className, source, functions);
    }

    /**
     * The generated code only reads its input and builds a new row (see {@code CalcCodeGenerator});
     * a user-defined function it calls might keep or change an argument, so then the input is copied.
     */
    @Override
    public boolean acceptsSharedInput() {
        return functions.isEmpty();
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
