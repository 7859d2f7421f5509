package io.weir.sql.api;

import io.weir.sql.functions.UserDefinedFunction;
import io.weir.sql.udf.FunctionInstances;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.BiConsumer;

/**
 * Function objects called inline ({@code call(new Split(), $("line"))}, {@code call(Split.class, ...)})
 * without a registered name. An expression is SQL text, so the call carries its function in the
 * text, serialized between two {@link #MARK} characters; the table the expression is used on
 * registers the function under a name derived from those bytes ({@code inline$<hash>}) and puts
 * that name in the SQL. Equal functions (same class, same fields) get the same name, so building a
 * query twice registers one function.
 */
final class InlineFunctions {

    /** Opens and closes a serialized function in an expression's text. */
    static final char MARK = '\u0002';

    private InlineFunctions() {
    }

    /** The text that stands for {@code function} in an expression, checked as registering it would. */
    static String marker(UserDefinedFunction function) {
        FunctionInstances.check(function.getClass().getSimpleName(), function);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(function);
        } catch (IOException e) {
            throw new ValidationException("call(" + function.getClass().getName() + "): the function must be "
                    + "serializable (it is copied into the job), but " + e, e);
        }
        return MARK + Base64.getEncoder().encodeToString(bytes.toByteArray()) + MARK;
    }

    /** The text that stands for a new instance of {@code functionClass}. */
    static String marker(Class<? extends UserDefinedFunction> functionClass) {
        return marker(FunctionInstances.instantiate(functionClass.getSimpleName(), functionClass));
    }

    /**
     * {@code sql} with each inline function replaced by its quoted name, after {@code register}
     * was given the name and the function.
     */
    static String resolve(String sql, BiConsumer<String, UserDefinedFunction> register) {
        StringBuilder resolved = new StringBuilder();
        int at = 0;
        int start;
        while ((start = sql.indexOf(MARK, at)) >= 0) {
            int end = sql.indexOf(MARK, start + 1);
            String encoded = sql.substring(start + 1, end);
            String name = name(encoded);
            register.accept(name, decode(encoded));
            resolved.append(sql, at, start).append(Expressions.quoted(name));
            at = end + 1;
        }
        return at == 0 ? sql : resolved.append(sql.substring(at)).toString();
    }

    /** The function an expression's text starts with (a call of an inline function), or null. */
    static UserDefinedFunction leading(String sql) {
        return sql.isEmpty() || sql.charAt(0) != MARK ? null : decode(sql.substring(1, sql.indexOf(MARK, 1)));
    }

    /** The text for messages: each inline function as its class's simple name. */
    static String readable(String sql) {
        StringBuilder readable = new StringBuilder();
        int at = 0;
        int start;
        while ((start = sql.indexOf(MARK, at)) >= 0) {
            int end = sql.indexOf(MARK, start + 1);
            readable.append(sql, at, start).append(decode(sql.substring(start + 1, end)).getClass().getSimpleName());
            at = end + 1;
        }
        return readable.append(sql.substring(at)).toString();
    }

    private static String name(String encoded) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(encoded));
            return "inline$" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static UserDefinedFunction decode(String encoded) {
        try (ObjectInputStream in = new ContextClassLoaderInput(
                new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            return (UserDefinedFunction) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("An inline function of this expression could not be read back: " + e, e);
        }
    }

    /** Finds the function's classes through the thread's context class loader (a job's jar), then as usual. */
    private static final class ContextClassLoaderInput extends ObjectInputStream {

        ContextClassLoaderInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // not the job's class: resolve it as ObjectInputStream does
                }
            }
            return super.resolveClass(description);
        }
    }
}
