package io.weir.api.types;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Objects;

/**
 * One field of a POJO: its name, its type, and fast access to its value. Access goes to the field
 * itself, not through the getter and setter, and uses method handles made once, so reading or
 * writing a field costs no reflective lookup.
 */
public final class PojoField implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER_TYPE = MethodType.methodType(void.class, Object.class, Object.class);

    private final Class<?> declaringClass;
    private final String name;
    private final TypeInformation<?> type;
    private transient Field field;
    private transient MethodHandle getter;
    private transient MethodHandle setter;

    public PojoField(Field field, TypeInformation<?> type) {
        this.declaringClass = field.getDeclaringClass();
        this.name = field.getName();
        this.type = Objects.requireNonNull(type, "type");
        bind(field);
    }

    private void bind(Field field) {
        try {
            field.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            this.getter = lookup.unreflectGetter(field).asType(GETTER_TYPE);
            this.setter = lookup.unreflectSetter(field).asType(SETTER_TYPE);
            this.field = field;
        } catch (IllegalAccessException | RuntimeException e) {
            throw new InvalidTypesException("Cannot access field " + name + " of " + declaringClass.getName()
                    + ": " + e.getMessage(), e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            bind(declaringClass.getDeclaredField(name));
        } catch (NoSuchFieldException e) {
            throw new IOException("Field " + name + " no longer exists in " + declaringClass.getName(), e);
        }
    }

    public String getName() {
        return name;
    }

    public Field getField() {
        return field;
    }

    public TypeInformation<?> getTypeInformation() {
        return type;
    }

    /** The field's value in {@code pojo}; primitives come boxed. */
    public Object get(Object pojo) {
        try {
            return (Object) getter.invokeExact(pojo);
        } catch (Throwable e) {
            throw accessFailed("read", e);
        }
    }

    /** Sets the field in {@code pojo}; primitives are unboxed, so null fails for them. */
    public void set(Object pojo, Object value) {
        try {
            setter.invokeExact(pojo, value);
        } catch (Throwable e) {
            throw accessFailed("set", e);
        }
    }

    private RuntimeException accessFailed(String action, Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalArgumentException("Cannot " + action + " field " + name + " of "
                + declaringClass.getName() + ": " + e, e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PojoField other && other.declaringClass == declaringClass && other.name.equals(name)
                && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declaringClass.getName(), name, type);
    }

    /** {@code name: Type}. */
    @Override
    public String toString() {
        return name + ": " + type;
    }
}
