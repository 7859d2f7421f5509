package io.weir.sql.functions;

/**
 * A function from values to one value, called in SQL like a built-in: {@code SELECT my_func(a, b)}.
 * Subclasses declare one or more public {@code eval} methods (overloads and varargs allowed); the
 * one whose parameters fit the call's argument types is chosen at planning. A SQL NULL argument
 * arrives as {@code null}, except for a primitive parameter, where the result is NULL without a call.
 *
 * <pre>{@code
 * public static class HashCode extends ScalarFunction {
 *     public int eval(String s) { return s.hashCode(); }
 * }
 * tableEnv.createTemporarySystemFunction("hash_code", HashCode.class);
 * }</pre>
 */
public abstract class ScalarFunction extends UserDefinedFunction {

    private static final long serialVersionUID = 1L;
}
