package io.weir.sql.functions;

import java.io.Serializable;

/**
 * The base of functions users write for SQL: {@link ScalarFunction} and {@link TableFunction}.
 * The instance registered with the {@code TableEnvironment} is serialized into the job; each
 * parallel subtask gets its own copy, opened before its first call and closed after its last.
 * A function's evaluation methods are public methods named {@code eval}; their parameter and
 * return classes give the SQL types unless {@code @DataTypeHint}/{@code @FunctionHint} say them.
 *
 * <p>Threading: a copy is called by one subtask's thread only.
 */
public abstract class UserDefinedFunction implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Called once per subtask before the first evaluation: open connections, build caches. */
    public void open(FunctionContext context) throws Exception {
    }

    /** Called once per subtask after the last evaluation. */
    public void close() throws Exception {
    }

    /** Whether equal arguments always give equal results; Weir calls the function per row either way. */
    public boolean isDeterministic() {
        return true;
    }
}
