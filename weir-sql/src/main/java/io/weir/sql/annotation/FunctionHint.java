package io.weir.sql.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Types of a user-defined function that its Java signature does not say, on the function class
 * or on one {@code eval} method; today its {@link #output}: the type of a result (a table
 * function's row type, e.g. {@code @FunctionHint(output = @DataTypeHint("ROW<word STRING, length INT>"))}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FunctionHint {

    DataTypeHint output() default @DataTypeHint;
}
