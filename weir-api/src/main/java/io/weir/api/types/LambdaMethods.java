package io.weir.api.types;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the method behind a serializable lambda or method reference. A lambda object only knows its
 * functional interface with erased type arguments, but its serialized form
 * ({@link SerializedLambda}) names the implementation method, whose signature is generic for a
 * method reference to an ordinary method. For a lambda body javac makes a synthetic method whose
 * signature is erased: its parameter and result types are raw classes.
 */
final class LambdaMethods {
    private LambdaMethods() {
    }

    /** The serialized form of {@code function} if it is a serializable lambda or method reference, else null. */
    static SerializedLambda serializedLambda(Object function) {
        Class<?> c = function.getClass();
        if (!c.isSynthetic() && !c.getName().contains("$$Lambda")) {
            return null;
        }
        try {
            Method writeReplace = c.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replacement = writeReplace.invoke(function);
            return replacement instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The method or constructor that implements {@code lambda}. */
    static Executable implementation(SerializedLambda lambda, ClassLoader loader) {
        String className = lambda.getImplClass().replace('/', '.');
        Class<?> implClass;
        try {
            implClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new InvalidTypesException("Cannot load " + className + ", which implements the lambda", e);
        }
        String name = lambda.getImplMethodName();
        String descriptor = lambda.getImplMethodSignature();
        if (name.equals("<init>")) {
            for (Constructor<?> constructor : implClass.getDeclaredConstructors()) {
                if (descriptor(constructor.getParameterTypes(), void.class).equals(descriptor)) {
                    return constructor;
                }
            }
        } else {
            Deque<Class<?>> pending = new ArrayDeque<>();
            Set<Class<?>> seen = new HashSet<>();
            pending.add(implClass);
            while (!pending.isEmpty()) {
                Class<?> k = pending.poll();
                if (!seen.add(k)) {
                    continue;
                }
                for (Method method : k.getDeclaredMethods()) {
                    if (method.getName().equals(name)
                            && descriptor(method.getParameterTypes(), method.getReturnType()).equals(descriptor)) {
                        return method;
                    }
                }
                if (k.getSuperclass() != null) {
                    pending.add(k.getSuperclass());
                }
                pending.addAll(List.of(k.getInterfaces()));
            }
        }
        throw new InvalidTypesException("Cannot find " + className + "." + name + descriptor + ", which implements "
                + "the lambda");
    }

    /**
     * The index in the implementation's parameters of the functional interface's parameter
     * {@code samIndex}: captured values come first, and for an instance method the receiver is not
     * a parameter. -1 means the parameter is the receiver itself.
     */
    static int implementationParameter(SerializedLambda lambda, int samIndex) {
        int kind = lambda.getImplMethodKind();
        boolean instanceMethod = kind == MethodHandleInfo.REF_invokeVirtual
                || kind == MethodHandleInfo.REF_invokeInterface || kind == MethodHandleInfo.REF_invokeSpecial;
        return samIndex + lambda.getCapturedArgCount() - (instanceMethod ? 1 : 0);
    }

    /** True if the implementation is a synthetic lambda body, whose signature javac erases. */
    static boolean isLambdaBody(SerializedLambda lambda) {
        return lambda.getImplMethodName().startsWith("lambda$");
    }

    /**
     * Where the lambda is written, for messages: {@code WordCount.main} for a lambda body,
     * {@code WordCount::tokenize} for a method reference.
     */
    static String location(SerializedLambda lambda) {
        String method = lambda.getImplMethodName();
        if (isLambdaBody(lambda)) {
            // lambda$<enclosing method>$<index>, or lambda$<enclosing method>$<hash>$<index> if serializable
            String enclosing = method.substring("lambda$".length());
            int end = enclosing.indexOf('$');
            return simpleName(lambda.getCapturingClass()) + "." + (end > 0 ? enclosing.substring(0, end) : enclosing);
        }
        return simpleName(lambda.getImplClass()) + "::" + (method.equals("<init>") ? "new" : method);
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }

    private static String descriptor(Class<?>[] parameters, Class<?> result) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> parameter : parameters) {
            sb.append(parameter.descriptorString());
        }
        return sb.append(')').append(result.descriptorString()).toString();
    }
}
