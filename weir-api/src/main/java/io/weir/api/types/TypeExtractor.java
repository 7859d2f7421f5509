package io.weir.api.types;

import io.weir.api.tuple.Tuple;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Derives {@link TypeInformation} from Java types and from function signatures.
 *
 * <p>A class becomes, in this order: a {@link BasicTypeInfo} (String, primitives and boxes,
 * BigDecimal, BigInteger, Void, java.time and java.sql values); a {@link PrimitiveArrayTypeInfo} or
 * {@link ObjectArrayTypeInfo}; an {@link EnumTypeInfo}; a {@link TupleTypeInfo} if the tuple's field
 * types are known (a raw {@code Tuple2} gives a {@link MissingTypeInfo}); a {@link MissingTypeInfo}
 * for {@link Row}, whose field types only {@code Types.ROW(...)} can give; a {@link ListTypeInfo},
 * {@link MapTypeInfo} or {@link OptionalTypeInfo} for parameterized {@code List}, {@code Map} and
 * {@code Optional}; a {@link RecordTypeInfo} for a Java record; a {@link PojoTypeInfo} for a class
 * that follows the POJO rules (public class, public no-arg constructor, every non-static
 * non-transient field public or with getter and setter); and a {@link GenericTypeInfo}
 * for everything else, including interfaces, abstract classes and other JDK classes. Recursive
 * types become generic where they recur.
 *
 * <p>The return type of a function comes from the type arguments with which its class implements
 * the function interface (walking abstract base classes such as {@code RichMapFunction}), with type
 * variables bound from the input type where needed; for a lambda or method reference, from the
 * signature of the implementing method. Java erases the generic signature of lambda bodies, so a
 * lambda returning {@code Tuple2<String, Integer>} yields a {@link MissingTypeInfo} that explains
 * how to give the type with {@code returns(...)}.
 */
public final class TypeExtractor {
    private TypeExtractor() {
    }

    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        return createTypeInfo((Type) Objects.requireNonNull(type, "type"));
    }

    /**
     * The type information for {@code type}, which may be parameterized, such as
     * {@code Tuple2<String, Integer>}. Throws {@link InvalidTypesException} if it contains a type
     * variable; returns a {@link MissingTypeInfo} if it is incomplete (a raw tuple or Row class).
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> createTypeInfo(Type type) {
        return (TypeInformation<T>) new TypeAnalysis(Map.of()).analyze(Objects.requireNonNull(type, "type"));
    }

    /**
     * The type of {@code value}, looking into the fields of a plain tuple or a positional row to find
     * their types, which their classes alone do not tell. Fails on null fields there.
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> getForObject(T value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof Tuple tuple && tuple.getClass() == Tuple.getTupleClass(tuple.getArity())) {
            TypeInformation<?>[] fields = new TypeInformation<?>[tuple.getArity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = getForObject(nonNullField(tuple.getField(i), "f" + i, value));
            }
            return (TypeInformation<T>) new TupleTypeInfo<>(fields);
        }
        if (value instanceof Row row && row.getFieldNames(false) == null) {
            TypeInformation<?>[] fields = new TypeInformation<?>[row.getArity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = getForObject(nonNullField(row.getField(i), String.valueOf(i), value));
            }
            return (TypeInformation<T>) new RowTypeInfo(fields);
        }
        return createTypeInfo((Class<T>) value.getClass());
    }

    private static Object nonNullField(Object field, String name, Object container) {
        if (field == null) {
            throw new InvalidTypesException("Field " + name + " of " + container + " is null, so its type cannot be "
                    + "derived from the value. Give the type explicitly.");
        }
        return field;
    }

    /**
     * The output type of a function with one input, or a {@link MissingTypeInfo} (never an
     * exception) if it cannot be determined.
     *
     * @param function the function: an instance of {@code functionInterface}, a serializable lambda
     *     or method reference
     * @param functionInterface the interface or abstract class the function implements, such as
     *     {@code MapFunction.class} or {@code ProcessFunction.class}
     * @param inputTypeArgumentIndex the index of the input among {@code functionInterface}'s type
     *     parameters, or -1 if there is no input (sources); for lambdas the input is assumed to be
     *     the first parameter of the interface's method
     * @param outputTypeArgumentIndex the index of the output among {@code functionInterface}'s type
     *     parameters
     * @param lambdaOutputTypeArgumentIndices null or empty if a lambda returns the output;
     *     otherwise the index of the method parameter that receives the output followed by the
     *     type argument indices leading to it, e.g. {@code {1, 0}} for
     *     {@code flatMap(T value, Collector<O> out)}
     * @param inType the input type, used to bind type variables such as {@code T} in
     *     {@code class Identity<T> implements MapFunction<T, T>}; may be null or missing
     * @param functionName what the function is called in messages, such as {@code "Map"}
     */
    @SuppressWarnings("unchecked")
    public static <IN, OUT> TypeInformation<OUT> getUnaryOperatorReturnType(Object function,
            Class<?> functionInterface, int inputTypeArgumentIndex, int outputTypeArgumentIndex,
            int[] lambdaOutputTypeArgumentIndices, TypeInformation<IN> inType, String functionName) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(functionInterface, "function interface");
        if (function instanceof ResultTypeQueryable<?> queryable) {
            // a function that declares what it produces is asked first, before any reflection
            return (TypeInformation<OUT>) queryable.getProducedType();
        }
        String description = functionName;
        TypeInformation<?> result;
        try {
            SerializedLambda lambda = LambdaMethods.serializedLambda(function);
            if (lambda != null) {
                description = functionName + " at " + LambdaMethods.location(lambda);
                result = lambdaReturnType(function, lambda, inputTypeArgumentIndex, lambdaOutputTypeArgumentIndices,
                        inType);
            } else {
                description = functionName + " at " + function.getClass().getName();
                result = classReturnType(function.getClass(), functionInterface, inputTypeArgumentIndex,
                        outputTypeArgumentIndex, inType);
            }
        } catch (InvalidTypesException e) {
            result = new MissingTypeInfo<>(description, e);
        }
        if (result instanceof MissingTypeInfo<?> missing && missing.getFunctionName() == null) {
            result = new MissingTypeInfo<>(description, missing.toException());
        }
        return (TypeInformation<OUT>) result;
    }

    private static TypeInformation<?> classReturnType(Class<?> functionClass, Class<?> functionInterface,
            int inputIndex, int outputIndex, TypeInformation<?> inType) {
        Type[] arguments = TypeBindings.superTypeArguments(functionClass, functionInterface);
        if (arguments == null) {
            throw new InvalidTypesException(functionClass.getName() + " implements " + functionInterface.getName()
                    + " without type arguments (as a raw type, or as a lambda that is not serializable).");
        }
        Map<TypeVariable<?>, TypeInformation<?>> inputBindings = new HashMap<>();
        if (inputIndex >= 0 && inputIndex < arguments.length) {
            bindInput(arguments[inputIndex], inType, inputBindings);
        }
        return new TypeAnalysis(inputBindings).analyze(arguments[outputIndex]);
    }

    private static TypeInformation<?> lambdaReturnType(Object function, SerializedLambda lambda, int inputIndex,
            int[] outputIndices, TypeInformation<?> inType) {
        Executable implementation = LambdaMethods.implementation(lambda, function.getClass().getClassLoader());
        Type[] parameters = implementation.getGenericParameterTypes();
        Type output;
        if (outputIndices == null || outputIndices.length == 0) {
            output = implementation instanceof Method method
                    ? method.getGenericReturnType() : implementation.getDeclaringClass();
        } else {
            int parameter = LambdaMethods.implementationParameter(lambda, outputIndices[0]);
            if (parameter < 0 || parameter >= parameters.length) {
                throw new InvalidTypesException("The implementation " + implementation + " has no parameter for the "
                        + "output collector (parameter " + outputIndices[0] + " of the function interface).");
            }
            output = parameters[parameter];
            for (int i = 1; i < outputIndices.length; i++) {
                if (!(output instanceof ParameterizedType parameterized)) {
                    throw new InvalidTypesException("Parameter " + outputIndices[0] + " of the lambda has the raw type "
                            + output.getTypeName() + ", because Java erases the generic types of lambda parameters.");
                }
                output = parameterized.getActualTypeArguments()[outputIndices[i]];
            }
        }
        if (output == Object.class) {
            throw new InvalidTypesException("The method implementing the lambda" + (LambdaMethods.isLambdaBody(lambda)
                    ? "" : ", " + implementation.getName() + ",") + " has the erased result type Object.");
        }
        Map<TypeVariable<?>, TypeInformation<?>> inputBindings = new HashMap<>();
        int inputParameter = LambdaMethods.implementationParameter(lambda, 0);
        if (inputIndex >= 0 && inputParameter >= 0 && inputParameter < parameters.length) {
            bindInput(parameters[inputParameter], inType, inputBindings);
        }
        return new TypeAnalysis(inputBindings).analyze(output);
    }

    /**
     * Binds the type variables in {@code declared}, the input type as the function declares it, by
     * matching it against {@code info}, the actual input type: {@code T} against anything,
     * {@code Tuple2<K, V>} against a tuple type, {@code List<T>} against a list type, and type
     * parameters of generic POJOs and records against their field types.
     */
    static void bindInput(Type declared, TypeInformation<?> info, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
        if (info == null || info instanceof MissingTypeInfo) {
            return;
        }
        if (declared instanceof TypeVariable<?> variable) {
            bindings.putIfAbsent(variable, info);
        } else if (declared instanceof GenericArrayType array && info instanceof ObjectArrayTypeInfo<?, ?> arrayInfo) {
            bindInput(array.getGenericComponentType(), arrayInfo.getComponentInfo(), bindings);
        } else if (declared instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (info instanceof ListTypeInfo<?> list) {
                bindInput(args[0], list.getElementTypeInfo(), bindings);
            } else if (info instanceof MapTypeInfo<?, ?> map && args.length == 2) {
                bindInput(args[0], map.getKeyTypeInfo(), bindings);
                bindInput(args[1], map.getValueTypeInfo(), bindings);
            } else if (info instanceof OptionalTypeInfo<?> optional) {
                bindInput(args[0], optional.getValueTypeInfo(), bindings);
            } else if (info instanceof TupleTypeInfo<?> tuple && raw.getSuperclass() == Tuple.class) {
                for (int i = 0; i < args.length && i < tuple.getArity(); i++) {
                    bindInput(args[i], tuple.getTypeAt(i), bindings);
                }
            } else if (info instanceof CompositeType<?> composite) {
                bindFields(raw, args, composite, bindings);
            }
        }
    }

    /** Binds a generic POJO's or record's type arguments through fields declared with its type parameters. */
    private static void bindFields(Class<?> raw, Type[] args, CompositeType<?> composite,
            Map<TypeVariable<?>, TypeInformation<?>> bindings) {
        TypeVariable<?>[] params = raw.getTypeParameters();
        String[] names = composite.getFieldNames();
        for (int i = 0; i < names.length; i++) {
            Type fieldType = declaredFieldType(raw, names[i]);
            for (int p = 0; p < params.length && p < args.length; p++) {
                if (params[p].equals(fieldType)) {
                    bindInput(args[p], composite.getTypeAt(i), bindings);
                }
            }
        }
    }

    private static Type declaredFieldType(Class<?> raw, String name) {
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return component.getGenericType();
                }
            }
            return null;
        }
        try {
            Field field = raw.getDeclaredField(name);
            return field.getGenericType();
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** True if instances of {@code c} may hash by value: its hashCode is not Object's (interfaces are assumed to). */
    static boolean overridesHashCode(Class<?> c) {
        if (c.isInterface()) {
            return true;
        }
        try {
            return c.getMethod("hashCode").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
