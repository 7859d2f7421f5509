package io.weir.api.types;

import io.weir.api.tuple.Tuple;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link Type} into {@link TypeInformation} by the rules described on {@link TypeExtractor}.
 * One instance serves one extraction: it holds the type variables bound from a function's input
 * type, and the classes under analysis, so that a recursive type ends in a generic type instead of
 * looping.
 *
 * <p>An unbound type variable throws {@link InvalidTypesException}; a type that is known but cannot
 * be used as it is (a raw tuple, a {@link Row}) yields a {@link MissingTypeInfo}, which spreads to
 * every type containing it.
 */
final class TypeAnalysis {
    private static final String ROW_MESSAGE = "The class Row does not tell the types of its fields. Give them "
            + "explicitly, e.g. .returns(Types.ROW(Types.STRING, Types.INT)) or "
            + ".returns(Types.ROW_NAMED(new String[] {\"name\", \"count\"}, Types.STRING, Types.INT)).";

    private final Map<TypeVariable<?>, TypeInformation<?>> inputBindings;
    private final Set<Class<?>> inProgress = new HashSet<>();

    TypeAnalysis(Map<TypeVariable<?>, TypeInformation<?>> inputBindings) {
        this.inputBindings = inputBindings;
    }

    TypeInformation<?> analyze(Type type) {
        return analyze(type, Map.of());
    }

    /** The type of {@code type}, whose variables are looked up in {@code bindings} and then in the input bindings. */
    TypeInformation<?> analyze(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            TypeInformation<?> fromInput = inputBindings.get(variable);
            if (fromInput != null) {
                return fromInput;
            }
            Type bound = bindings.get(variable);
            if (bound == null || bound.equals(variable)) {
                throw new InvalidTypesException("The type variable " + variable.getName() + " of "
                        + variable.getGenericDeclaration() + " is not bound to a concrete type.");
            }
            return analyze(bound, Map.of());
        } else if (type instanceof WildcardType wildcard) {
            return wildcard.getLowerBounds().length == 0
                    ? analyze(wildcard.getUpperBounds()[0], bindings) : new GenericTypeInfo<>(Object.class);
        } else if (type instanceof GenericArrayType array) {
            TypeInformation<?> component = analyze(array.getGenericComponentType(), bindings);
            return component instanceof MissingTypeInfo ? component : ObjectArrayTypeInfo.getInfoFor(component);
        } else if (type instanceof ParameterizedType parameterized) {
            Type resolved = TypeBindings.resolve(parameterized, bindings);
            return analyzeClass((Class<?>) parameterized.getRawType(), TypeBindings.bindingsOf(resolved));
        }
        return analyzeClass((Class<?>) type, Map.of());
    }

    /** The type of class {@code c} whose own type parameters are bound by {@code own} (empty if raw). */
    private TypeInformation<?> analyzeClass(Class<?> c, Map<TypeVariable<?>, Type> own) {
        BasicTypeInfo<?> basic = BasicTypeInfo.getInfoFor(c);
        if (basic != null) {
            return basic;
        }
        if (c.isArray()) {
            PrimitiveArrayTypeInfo<?> primitive = PrimitiveArrayTypeInfo.getInfoFor(c);
            if (primitive != null) {
                return primitive;
            }
            TypeInformation<?> component = analyze(c.getComponentType());
            return component instanceof MissingTypeInfo ? component : ObjectArrayTypeInfo.getInfoFor(component);
        }
        if (Enum.class.isAssignableFrom(c) && c != Enum.class) {
            return enumType(c.isEnum() ? c : c.getSuperclass());
        }
        if (c == Row.class) {
            return MissingTypeInfo.forType(ROW_MESSAGE);
        }
        if (Tuple.class.isAssignableFrom(c) && c != Tuple.class) {
            return analyzeTuple(c, own);
        }
        if (c == List.class || c == ArrayList.class) {
            TypeInformation<?> element = typeArgument(c, own, 0);
            return element == null ? new GenericTypeInfo<>(c) : wrap(element, () -> new ListTypeInfo<>(element));
        }
        if (c == Map.class || c == HashMap.class) {
            TypeInformation<?> key = typeArgument(c, own, 0);
            TypeInformation<?> value = typeArgument(c, own, 1);
            if (key == null || value == null) {
                return new GenericTypeInfo<>(c);
            }
            return key instanceof MissingTypeInfo ? key : wrap(value, () -> new MapTypeInfo<>(key, value));
        }
        if (c == Optional.class) {
            TypeInformation<?> value = typeArgument(c, own, 0);
            return value == null ? new GenericTypeInfo<>(c) : wrap(value, () -> new OptionalTypeInfo<>(value));
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || c == Object.class || isJdkClass(c)
                || !inProgress.add(c)) {
            return new GenericTypeInfo<>(c);
        }
        try {
            return c.isRecord() ? analyzeRecord(c, own) : PojoAnalysis.analyze(c, own, this);
        } finally {
            inProgress.remove(c);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeInformation<?> enumType(Class<?> enumClass) {
        return new EnumTypeInfo(enumClass);
    }

    private TypeInformation<?> typeArgument(Class<?> c, Map<TypeVariable<?>, Type> own, int index) {
        Type argument = own.get(c.getTypeParameters()[index]);
        return argument == null ? null : analyze(argument);
    }

    private static TypeInformation<?> wrap(TypeInformation<?> inner, Supplier<TypeInformation<?>> outer) {
        return inner instanceof MissingTypeInfo ? inner : outer.get();
    }

    private TypeInformation<?> analyzeTuple(Class<?> c, Map<TypeVariable<?>, Type> own) {
        Class<?> base = c;
        while (base.getSuperclass() != Tuple.class) {
            base = base.getSuperclass();
        }
        Type[] args = c == base ? base.getTypeParameters() : TypeBindings.superTypeArguments(c, base);
        if (args == null) {
            return MissingTypeInfo.forType(rawTupleMessage(c, base));
        }
        TypeInformation<?>[] fields = new TypeInformation<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                fields[i] = analyze(TypeBindings.resolve(args[i], own));
            } catch (InvalidTypesException e) {
                return MissingTypeInfo.forType(rawTupleMessage(c, base));
            }
            if (fields[i] instanceof MissingTypeInfo<?> missing) {
                return inField("f" + i, c, missing);
            }
        }
        return tupleType(c, fields);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeInformation<?> tupleType(Class<?> c, TypeInformation<?>[] fields) {
        return new TupleTypeInfo(c, fields);
    }

    private static String rawTupleMessage(Class<?> c, Class<?> base) {
        String example = base == Tuple.getTupleClass(2) ? "Tuple2<String, Integer>" : base.getSimpleName() + "<...>";
        return "The class " + c.getName() + " is used without the types of its fields, which Java erases. Give them "
                + "explicitly, e.g. .returns(new TypeHint<" + example + ">(){}) or .returns(Types.TUPLE(...)).";
    }

    private TypeInformation<?> analyzeRecord(Class<?> c, Map<TypeVariable<?>, Type> own) {
        try {
            RecordComponents.of(c);
        } catch (InvalidTypesException e) {
            PojoAnalysis.logGeneric(c, e.getMessage());
            return new GenericTypeInfo<>(c);
        }
        RecordComponent[] components = c.getRecordComponents();
        TypeInformation<?>[] types = new TypeInformation<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = fieldType(components[i].getGenericType(), components[i].getType(), own);
            if (types[i] instanceof MissingTypeInfo<?> missing) {
                return inField(components[i].getName(), c, missing);
            }
        }
        return recordType(c, types);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeInformation<?> recordType(Class<?> c, TypeInformation<?>[] types) {
        return new RecordTypeInfo(c, types);
    }

    /** The type of a field of a POJO or record; an unbound type variable makes the field generic. */
    TypeInformation<?> fieldType(Type generic, Class<?> erased, Map<TypeVariable<?>, Type> bindings) {
        try {
            return analyze(generic, bindings);
        } catch (InvalidTypesException e) {
            return new GenericTypeInfo<>(erased);
        }
    }

    /** A missing field type makes the containing type missing too, with the field named in the message. */
    static MissingTypeInfo<?> inField(String field, Class<?> container, MissingTypeInfo<?> missing) {
        return MissingTypeInfo.forType("Field '" + field + "' of " + container.getName() + ": "
                + missing.toException().getMessage());
    }

    private static boolean isJdkClass(Class<?> c) {
        String name = c.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }
}
