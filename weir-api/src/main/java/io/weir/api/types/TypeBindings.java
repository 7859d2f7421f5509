package io.weir.api.types;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves type variables through a class hierarchy: what a supertype's type arguments are as seen
 * from a subclass ({@code class Tokenizer extends RichFlatMapFunction<String, Tuple2<String, Integer>>}
 * gives {@code FlatMapFunction}'s {@code OUT = Tuple2<String, Integer>}), and substitution of bound
 * variables in a type.
 */
final class TypeBindings {
    private TypeBindings() {
    }

    /** The class of {@code type}, or null for a type variable or wildcard. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        } else if (type instanceof GenericArrayType g) {
            Class<?> component = rawClass(g.getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return null;
    }

    /** The bindings of {@code type}'s own type parameters: empty unless it is a parameterized type. */
    static Map<TypeVariable<?>, Type> bindingsOf(Type type) {
        if (!(type instanceof ParameterizedType p)) {
            return Map.of();
        }
        TypeVariable<?>[] params = ((Class<?>) p.getRawType()).getTypeParameters();
        Type[] args = p.getActualTypeArguments();
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (int i = 0; i < params.length && i < args.length; i++) {
            bindings.put(params[i], args[i]);
        }
        return bindings;
    }

    /**
     * The type arguments of {@code target} as seen from {@code type}, which is {@code target} itself
     * or a subtype of it; null if the path reaches {@code target} without type arguments (a raw use).
     * Type variables of {@code type}'s own class that nothing binds stay in the result.
     */
    static Type[] superTypeArguments(Type type, Class<?> target) {
        Class<?> raw = rawClass(type);
        if (raw == null || !target.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == target) {
            return type instanceof ParameterizedType p ? p.getActualTypeArguments() : null;
        }
        Map<TypeVariable<?>, Type> bindings = bindingsOf(type);
        List<Type> supertypes = new ArrayList<>();
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        supertypes.addAll(Arrays.asList(raw.getGenericInterfaces()));
        for (Type supertype : supertypes) {
            Class<?> superRaw = rawClass(supertype);
            if (superRaw != null && target.isAssignableFrom(superRaw)) {
                return superTypeArguments(resolve(supertype, bindings), target);
            }
        }
        return null;
    }

    /** {@code type} with every variable bound in {@code bindings} replaced by its binding. */
    static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (bindings.isEmpty()) {
            return type;
        }
        if (type instanceof TypeVariable<?> variable) {
            return bindings.getOrDefault(variable, variable);
        } else if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Type[] resolved = new Type[args.length];
            for (int i = 0; i < args.length; i++) {
                resolved[i] = resolve(args[i], bindings);
            }
            return new Parameterized((Class<?>) p.getRawType(), resolved, p.getOwnerType());
        } else if (type instanceof GenericArrayType g) {
            Type component = resolve(g.getGenericComponentType(), bindings);
            return component instanceof Class<?> c ? Array.newInstance(c, 0).getClass() : new GenericArray(component);
        } else if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return w.getLowerBounds().length == 0 ? resolve(w.getUpperBounds()[0], bindings) : Object.class;
        }
        return type;
    }

    /** A parameterized type made by substitution. */
    private record Parameterized(Class<?> raw, Type[] args, Type owner) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && raw.equals(p.getRawType())
                    && Arrays.equals(args, p.getActualTypeArguments()) && Objects.equals(owner, p.getOwnerType());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ raw.hashCode() ^ Objects.hashCode(owner);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(args[i].getTypeName());
            }
            return sb.append('>').toString();
        }
    }

    /** A generic array type made by substitution. */
    private record GenericArray(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
