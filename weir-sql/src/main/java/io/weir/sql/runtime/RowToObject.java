package io.weir.sql.runtime;

import io.weir.api.functions.MapFunction;
import io.weir.api.types.CompositeType;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.FieldAccessors;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Turns a table's rows into objects of a class ({@code toDataStream(table, Click.class)}): a
 * record through its canonical constructor, a POJO or tuple through its no-argument constructor
 * and its fields, each field set from the column at the position the planner matched by name; an
 * atomic class takes the row's one column. The row's kind is dropped, as in Flink.
 */
public final class RowToObject<T> implements MapFunction<Row, T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;
    /** Per field of the class (in its type's order), the column it reads; null for an atomic class. */
    private final int[] columns;
    private transient FieldAccessor<T, Object>[] fields;
    private transient Constructor<?> constructor;

    public RowToObject(TypeInformation<T> type, int[] columns) {
        this.type = type;
        this.columns = columns == null ? null : columns.clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T map(Row row) throws Exception {
        if (columns == null) {
            return (T) row.getField(0);
        }
        Class<T> typeClass = type.getTypeClass();
        if (typeClass.isRecord()) {
            if (constructor == null) {
                RecordComponent[] components = typeClass.getRecordComponents();
                Class<?>[] parameters = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    parameters[i] = components[i].getType();
                }
                constructor = typeClass.getDeclaredConstructor(parameters);
                constructor.setAccessible(true);
            }
            Object[] arguments = new Object[columns.length];
            RecordComponent[] components = typeClass.getRecordComponents();
            String[] names = ((CompositeType<T>) type).getFieldNames();
            for (int i = 0; i < components.length; i++) {
                int field = indexOf(names, components[i].getName());
                Object value = row.getField(columns[field]);
                if (value == null && components[i].getType().isPrimitive()) {
                    throw nullForPrimitive(components[i].getName());
                }
                arguments[i] = value;
            }
            return (T) constructor.newInstance(arguments);
        }
        if (fields == null) {
            String[] names = ((CompositeType<T>) type).getFieldNames();
            fields = new FieldAccessor[names.length];
            for (int i = 0; i < names.length; i++) {
                fields[i] = FieldAccessors.forName(type, names[i]);
            }
            constructor = typeClass.getDeclaredConstructor();
            constructor.setAccessible(true);
        }
        T object = (T) constructor.newInstance();
        for (int i = 0; i < fields.length; i++) {
            Object value = row.getField(columns[i]);
            try {
                object = fields[i].set(object, value);
            } catch (RuntimeException e) {
                if (value == null) {
                    throw nullForPrimitive(((CompositeType<T>) type).getFieldNames()[i]);
                }
                throw e;
            }
        }
        return object;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no field " + name);
    }

    private IllegalStateException nullForPrimitive(String field) {
        return new IllegalStateException("toDataStream: a row has NULL in the column of field '" + field + "' of "
                + type.getTypeClass().getName() + ", whose type is primitive; give the field a boxed type "
                + "(Long, Integer, ...) or filter the NULLs out (COALESCE / WHERE ... IS NOT NULL)");
    }
}
