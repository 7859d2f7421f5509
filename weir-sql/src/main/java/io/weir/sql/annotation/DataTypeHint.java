package io.weir.sql.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL type of a user-defined function's result or parameter, in DDL syntax
 * ({@code "DECIMAL(10, 2)"}, {@code "ROW<word STRING, length INT>"}), where the Java class alone does
 * not say it. On an {@code eval} method it types the result; on a function class, every result.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface DataTypeHint {

    /** The type in DDL syntax; empty when not given. */
    String value() default "";
}
