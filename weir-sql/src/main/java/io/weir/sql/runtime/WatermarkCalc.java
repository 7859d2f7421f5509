package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.types.Row;
import io.weir.sql.functions.FunctionContext;
import io.weir.sql.functions.UserDefinedFunction;
import java.util.List;

/**
 * A Calc whose expressions read the operator's current watermark ({@code CURRENT_WATERMARK(ts)}, as
 * in Flink's {@code WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts)} that drops late
 * rows): it runs as a process function, which sees the watermark, and hands it to the program before
 * each row. Calcs that do not read it stay {@link CompiledCalc}s.
 */
public final class WatermarkCalc extends ProcessFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String className;
    private final String source;
    private final List<UserDefinedFunction> functions;
    private transient RowProgram program;

    public WatermarkCalc(String className, String source, List<UserDefinedFunction> functions) {
        this.className = className;
        this.source = source;
        this.functions = List.copyOf(functions);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        FunctionContext context = new FunctionContext(getRuntimeContext());
        for (UserDefinedFunction function : functions) {
            function.open(context);
        }
        program = CompiledCalc.compile(className, source, functions);
    }

    @Override
    public void close() throws Exception {
        for (UserDefinedFunction function : functions) {
            function.close();
        }
    }

    @Override
    public void processElement(Row value, Context ctx, Collector<Row> out) throws Exception {
        program.setWatermark(ctx.timerService().currentWatermark());
        Row result = program.apply(value);
        if (result != null) {
            out.collect(result);
        }
    }
}
