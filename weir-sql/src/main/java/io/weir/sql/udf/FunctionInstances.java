package io.weir.sql.udf;

import io.weir.sql.api.ValidationException;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.functions.ScalarFunction;
import io.weir.sql.functions.TableAggregateFunction;
import io.weir.sql.functions.TableFunction;
import io.weir.sql.functions.TemporalTableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import java.lang.reflect.Modifier;

/**
 * Checks a user-defined function at registration, so a function that cannot run fails when it
 * is registered, not when a query uses it: its class must be public, concrete and reachable by
 * name (top-level or static nested) because generated code calls it by its class, be a kind Weir
 * runs, and declare a public {@code eval}.
 */
public final class FunctionInstances {

    private FunctionInstances() {
    }

    /** An instance of a function class made with its public no-argument constructor. */
    public static UserDefinedFunction instantiate(String name, Class<?> functionClass) {
        if (!UserDefinedFunction.class.isAssignableFrom(functionClass)) {
            throw new ValidationException("Function " + name + ": class " + functionClass.getName() + " is not a "
                    + "user-defined function; extend io.weir.sql.functions.ScalarFunction or TableFunction");
        }
        checkClass(name, functionClass);
        try {
            return check(name, (UserDefinedFunction) functionClass.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new ValidationException("Function " + name + ": class " + functionClass.getName() + " needs a "
                    + "public constructor without arguments, or register an instance of it instead", e);
        } catch (ReflectiveOperationException e) {
            throw new ValidationException("Function " + name + ": could not create an instance of "
                    + functionClass.getName() + ": " + e, e);
        }
    }

    /** Loads and instantiates a class named in {@code CREATE FUNCTION ... AS 'class'}. */
    public static UserDefinedFunction instantiate(String name, String className, ClassLoader classLoader) {
        try {
            return instantiate(name, Class.forName(className, true, classLoader));
        } catch (ClassNotFoundException e) {
            throw new ValidationException("Function " + name + ": class '" + className + "' is not on the class "
                    + "path; put the jar that holds it on the class path of bin/weir or the job", e);
        }
    }

    public static UserDefinedFunction check(String name, UserDefinedFunction function) {
        Class<?> functionClass = function.getClass();
        checkClass(name, functionClass);
        if (function instanceof TemporalTableFunction) {
            return function;
        }
        if (function instanceof AggregateFunction<?, ?>) {
            if (EvalMethod.methods(functionClass, "accumulate").isEmpty()) {
                throw new ValidationException("Aggregate function " + name + ": " + functionClass.getName()
                        + " declares no public accumulate(ACC acc, ...) method");
            }
            if (function instanceof TableAggregateFunction<?, ?>
                    && TableAggregateFunction.emitValueMethod(functionClass) == null
                    && TableAggregateFunction.emitUpdateWithRetractMethod(functionClass) == null) {
                throw new ValidationException("Table aggregate function " + name + ": " + functionClass.getName()
                        + " declares no public emitValue(ACC acc, Collector<T> out) method, which gives the group's "
                        + "rows, nor emitUpdateWithRetract(ACC acc, RetractableCollector<T> out); add one");
            }
            return function;
        }
        if (!(function instanceof ScalarFunction) && !(function instanceof TableFunction<?>)) {
            throw new ValidationException("Function " + name + ": Weir runs ScalarFunction, TableFunction, "
                    + "AggregateFunction and TableAggregateFunction; " + functionClass.getName() + " is none of them (async "
                    + "table functions are not supported yet)");
        }
        if (EvalMethod.evalMethods(functionClass).isEmpty()) {
            throw new ValidationException("Function " + name + ": " + functionClass.getName() + " declares no public "
                    + "eval method");
        }
        return function;
    }

    private static void checkClass(String name, Class<?> functionClass) {
        int modifiers = functionClass.getModifiers();
        boolean reachable = functionClass.getCanonicalName() != null
                && (functionClass.getEnclosingClass() == null || Modifier.isStatic(modifiers));
        for (Class<?> c = functionClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            reachable &= Modifier.isPublic(c.getModifiers());
        }
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || !reachable) {
            throw new ValidationException("Function " + name + ": class " + functionClass.getName() + " must be "
                    + "public, not abstract, and top-level or a static nested class of public classes (not anonymous, "
                    + "local or inner)");
        }
    }
}
