package io.weir.api.types;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides whether a class is a POJO and finds its fields. The rules: the class is public and not a
 * non-static inner, local or anonymous class; it has a public no-arg constructor; and every
 * non-static, non-transient field, including inherited ones, is either public or
 * has a public getter ({@code getX()}, {@code isX()} for booleans, or {@code x()}) and a public
 * setter ({@code setX(value)}) of the field's type. A class that breaks a rule is a generic type;
 * the reason is logged once per class. As in Flink, a public field may be final: the serializer
 * sets it (through a method handle) on the instance the no-arg constructor made.
 */
final class PojoAnalysis {
    private static final System.Logger LOG = System.getLogger(TypeExtractor.class.getName());
    private static final ClassValue<AtomicBoolean> LOGGED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    private PojoAnalysis() {
    }

    /** A {@link PojoTypeInfo}, a {@link GenericTypeInfo} if a rule is broken, or a missing type from a field. */
    static TypeInformation<?> analyze(Class<?> c, Map<TypeVariable<?>, Type> own, TypeAnalysis analysis) {
        String violation = violation(c);
        if (violation != null) {
            logGeneric(c, "it is not a POJO: " + violation);
            return new GenericTypeInfo<>(c);
        }
        List<PojoField> fields = new ArrayList<>();
        Map<TypeVariable<?>, Type> bindings = own;
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : pojoFields(k)) {
                TypeInformation<?> type = analysis.fieldType(field.getGenericType(), field.getType(), bindings);
                if (type instanceof MissingTypeInfo<?> missing) {
                    return TypeAnalysis.inField(field.getName(), c, missing);
                }
                try {
                    fields.add(new PojoField(field, type));
                } catch (InvalidTypesException e) {
                    logGeneric(c, e.getMessage());
                    return new GenericTypeInfo<>(c);
                }
            }
            bindings = TypeBindings.bindingsOf(TypeBindings.resolve(k.getGenericSuperclass(), bindings));
        }
        return pojoType(c, fields);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeInformation<?> pojoType(Class<?> c, List<PojoField> fields) {
        return new PojoTypeInfo(c, fields);
    }

    /** Why {@code c} is not a POJO, or null if it is one. */
    static String violation(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return "it is not public";
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return "it is abstract";
        }
        if (c.isAnonymousClass() || c.isLocalClass()) {
            return "it is an anonymous or local class";
        }
        if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return "it is a non-static inner class";
        }
        try {
            c.getConstructor();
        } catch (NoSuchMethodException e) {
            return "it has no public no-arg constructor";
        }
        Method[] methods = c.getMethods();
        Set<String> names = new HashSet<>();
        int count = 0;
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : pojoFields(k)) {
                count++;
                if (!names.add(field.getName())) {
                    return "field '" + field.getName() + "' is declared twice in its class hierarchy";
                }
                if (!Modifier.isPublic(field.getModifiers()) && !hasGetterAndSetter(field, methods)) {
                    return "field '" + field.getName() + "' is neither public nor has a public getter and setter";
                }
            }
        }
        return count == 0 ? "it has no fields" : null;
    }

    /** The declared fields of {@code k} that a POJO serializes: not static, not transient, not synthetic. */
    static List<Field> pojoFields(Class<?> k) {
        List<Field> fields = new ArrayList<>();
        for (Field field : k.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean hasGetterAndSetter(Field field, Method[] methods) {
        String name = field.getName();
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Class<?> type = field.getType();
        boolean isBoolean = type == boolean.class || type == Boolean.class;
        boolean getter = false;
        boolean setter = false;
        for (Method m : methods) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String method = m.getName();
            if (m.getParameterCount() == 0 && m.getReturnType() == type && (method.equals("get" + capitalized)
                    || method.equals(name) || (isBoolean && method.equals("is" + capitalized)))) {
                getter = true;
            } else if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == type
                    && method.equals("set" + capitalized)) {
                setter = true;
            }
        }
        return getter && setter;
    }

    static void logGeneric(Class<?> c, String reason) {
        if (LOGGED.get(c).compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "{0} is treated as a generic type, which is serialized more slowly, "
                    + "because {1}. See the POJO rules in the docs of TypeExtractor.", c.getName(), reason);
        }
    }
}
