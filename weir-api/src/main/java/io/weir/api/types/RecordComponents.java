package io.weir.api.types;

import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Fast access to the components of a Java record class: read a component by index, and create a
 * record from component values through its canonical constructor. The method handles are made once
 * per class and shared; a record's components are read through its accessor methods.
 */
public final class RecordComponents implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final MethodType ACCESSOR_TYPE = MethodType.methodType(Object.class, Object.class);
    private static final MethodType CONSTRUCTOR_TYPE = MethodType.methodType(Object.class, Object[].class);

    private static final ClassValue<RecordComponents> CACHE = new ClassValue<>() {
        @Override
        protected RecordComponents computeValue(Class<?> type) {
            return new RecordComponents(type);
        }
    };

    private final Class<?> recordClass;
    private transient Object[] initialValues;
    private final transient String[] names;
    private final transient MethodHandle[] accessors;
    private final transient MethodHandle constructor;

    private RecordComponents(Class<?> recordClass) {
        if (!recordClass.isRecord()) {
            throw new IllegalArgumentException(recordClass.getName() + " is not a record");
        }
        this.recordClass = recordClass;
        RecordComponent[] components = recordClass.getRecordComponents();
        this.names = new String[components.length];
        this.accessors = new MethodHandle[components.length];
        Class<?>[] types = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                components[i].getAccessor().setAccessible(true);
                accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(ACCESSOR_TYPE);
            }
            Constructor<?> canonical = recordClass.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            this.constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(CONSTRUCTOR_TYPE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InvalidTypesException("Cannot access the components of record " + recordClass.getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The components of {@code recordClass}; throws {@link InvalidTypesException} if they are not accessible. */
    public static RecordComponents of(Class<?> recordClass) {
        return CACHE.get(recordClass);
    }

    public Class<?> getRecordClass() {
        return recordClass;
    }

    public int size() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    /**
     * Component values to start a record from when some are not known: null, or zero or false for
     * primitive components (which cannot be null). A new array on every call.
     */
    public Object[] initialValues() {
        if (initialValues == null) {
            Object[] values = new Object[names.length];
            java.lang.reflect.RecordComponent[] declared = recordClass.getRecordComponents();
            for (int i = 0; i < values.length; i++) {
                Class<?> type = declared[i].getType();
                if (type.isPrimitive()) {
                    values[i] = java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
                }
            }
            initialValues = values;
        }
        return initialValues.clone();
    }

    /** The value of component {@code index} of {@code record}; primitives come boxed. */
    public Object get(Object record, int index) {
        try {
            return (Object) accessors[index].invokeExact(record);
        } catch (Throwable e) {
            throw failed("read component " + names[index] + " of", e);
        }
    }

    /** A new record made by the canonical constructor from component values in component order. */
    public Object newRecord(Object[] values) {
        try {
            return (Object) constructor.invokeExact(values);
        } catch (Throwable e) {
            throw failed("create", e);
        }
    }

    private RuntimeException failed(String action, Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalArgumentException("Cannot " + action + " record " + recordClass.getName() + ": " + e, e);
    }

    private Object readResolve() {
        return of(recordClass);
    }
}
