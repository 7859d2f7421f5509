package io.weir.api.types;

import io.weir.api.tuple.Tuple;
import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * Makes {@link FieldAccessor}s from a type and a field reference.
 *
 * <p>By position: tuple and row fields, record components, array elements, and position 0 of a
 * basic type (the value itself). By name: POJO fields, record components, row fields, tuple fields
 * {@code f0..fN}, {@code *} for the value itself, and paths through nested types such as
 * {@code "address.city"}. A reference that does not exist fails with an
 * {@link InvalidFieldReferenceException} that lists the fields that do.
 */
public final class FieldAccessors {
    private FieldAccessors() {
    }

    @SuppressWarnings("unchecked")
    public static <T, F> FieldAccessor<T, F> forPosition(TypeInformation<T> type, int pos) {
        if (type instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        if (type instanceof TupleTypeInfo<?> || type instanceof RowTypeInfo || type instanceof RecordTypeInfo<?>) {
            CompositeType<T> composite = (CompositeType<T>) type;
            if (pos < 0 || pos >= composite.getArity()) {
                throw new InvalidFieldReferenceException("Position " + pos + " does not exist in " + type
                        + ". Available positions: " + (composite.getArity() == 0 ? "none"
                        : "0 to " + (composite.getArity() - 1) + " " + Arrays.toString(composite.getFieldNames())));
            }
            return field(composite, pos);
        }
        if (type instanceof PrimitiveArrayTypeInfo<?> array) {
            checkNotNegative(pos, type);
            return (FieldAccessor<T, F>) new ArrayElement<>(pos, array.getComponentInfo());
        }
        if (type instanceof ObjectArrayTypeInfo<?, ?> array) {
            checkNotNegative(pos, type);
            return (FieldAccessor<T, F>) new ArrayElement<>(pos, array.getComponentInfo());
        }
        if (type instanceof BasicTypeInfo<?>) {
            if (pos != 0) {
                throw new InvalidFieldReferenceException("Position " + pos + " does not exist in " + type
                        + ", which is a single value. Available positions: 0");
            }
            return (FieldAccessor<T, F>) new Whole<>(type);
        }
        if (type instanceof PojoTypeInfo<?> pojo) {
            throw new InvalidFieldReferenceException("The fields of " + type + " are addressed by name, not by "
                    + "position. Available fields: " + Arrays.toString(pojo.getFieldNames()));
        }
        throw new InvalidFieldReferenceException("The fields of " + type + " cannot be addressed by position; only "
                + "tuples, rows, records, arrays and basic types can.");
    }

    @SuppressWarnings("unchecked")
    public static <T, F> FieldAccessor<T, F> forName(TypeInformation<T> type, String fieldExpression) {
        if (type instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        String expression = fieldExpression.trim();
        if (expression.equals("*") || expression.equals("_")) {
            return (FieldAccessor<T, F>) new Whole<>(type);
        }
        int dot = expression.indexOf('.');
        if (dot > 0) {
            FieldAccessor<T, Object> outer = forName(type, expression.substring(0, dot));
            FieldAccessor<Object, F> inner = forName(outer.getFieldType(), expression.substring(dot + 1));
            return new Nested<>(outer, inner);
        }
        if (!(type instanceof CompositeType<T> composite)) {
            throw new InvalidFieldReferenceException("Field '" + expression + "' does not exist in " + type
                    + ", which has no named fields. Use \"*\" for the value itself.");
        }
        int pos = composite.getFieldIndex(expression);
        if (pos < 0 && type instanceof TupleTypeInfo<?> && !expression.isEmpty()
                && expression.chars().allMatch(Character::isDigit)) {
            pos = Integer.parseInt(expression);
            pos = pos < composite.getArity() ? pos : -1;
        }
        if (pos < 0) {
            throw new InvalidFieldReferenceException("Field '" + expression + "' does not exist in " + type
                    + ". Available fields: " + Arrays.toString(composite.getFieldNames()));
        }
        return field(composite, pos);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T, F> FieldAccessor<T, F> field(CompositeType<T> type, int pos) {
        TypeInformation<F> fieldType = type.getTypeAt(pos);
        if (type instanceof TupleTypeInfo<?>) {
            return (FieldAccessor<T, F>) new TupleField<>(pos, fieldType);
        } else if (type instanceof RowTypeInfo) {
            return (FieldAccessor<T, F>) new RowField<>(pos, type.getFieldNames()[pos], fieldType);
        } else if (type instanceof RecordTypeInfo<?>) {
            return new RecordField<>(RecordComponents.of(type.getTypeClass()), pos, fieldType);
        }
        return new PojoFieldAccessor<>(((PojoTypeInfo<T>) type).getPojoFieldAt(pos), fieldType);
    }

    private static void checkNotNegative(int pos, TypeInformation<?> type) {
        if (pos < 0) {
            throw new InvalidFieldReferenceException("Position " + pos + " does not exist in " + type
                    + ". Array positions start at 0.");
        }
    }

    /** The value itself. */
    private record Whole<T>(TypeInformation<T> getFieldType) implements FieldAccessor<T, T> {
        @Override
        public T get(T record) {
            return record;
        }

        @Override
        public T set(T record, T value) {
            return value;
        }
    }

    private record TupleField<T extends Tuple, F>(int pos, TypeInformation<F> getFieldType)
            implements FieldAccessor<T, F> {
        @Override
        public F get(T record) {
            return record.getField(pos);
        }

        @Override
        public T set(T record, F value) {
            record.setField(value, pos);
            return record;
        }
    }

    /** A row field, by position, or by name in rows created with {@link Row#withNames()}. */
    private record RowField<F>(int pos, String name, TypeInformation<F> getFieldType)
            implements FieldAccessor<Row, F> {
        @Override
        @SuppressWarnings("unchecked")
        public F get(Row record) {
            return (F) (record.getFieldNames(false) == null ? record.getField(pos) : record.getField(name));
        }

        @Override
        public Row set(Row record, F value) {
            if (record.getFieldNames(false) == null) {
                record.setField(pos, value);
            } else {
                record.setField(name, value);
            }
            return record;
        }
    }

    /** A record component; setting one makes a new record through the canonical constructor. */
    private record RecordField<T, F>(RecordComponents components, int pos, TypeInformation<F> getFieldType)
            implements FieldAccessor<T, F> {
        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            return (F) components.get(record, pos);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T set(T record, F value) {
            Object[] values = new Object[components.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i == pos ? value : components.get(record, i);
            }
            return (T) components.newRecord(values);
        }
    }

    private record PojoFieldAccessor<T, F>(PojoField field, TypeInformation<F> getFieldType)
            implements FieldAccessor<T, F> {
        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            return (F) field.get(record);
        }

        @Override
        public T set(T record, F value) {
            field.set(record, value);
            return record;
        }
    }

    private record ArrayElement<T, F>(int pos, TypeInformation<F> getFieldType) implements FieldAccessor<T, F> {
        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            return (F) Array.get(record, pos);
        }

        @Override
        public T set(T record, F value) {
            Array.set(record, pos, value);
            return record;
        }
    }

    /** A field of a field: {@code outer.inner}. */
    private record Nested<T, M, F>(FieldAccessor<T, M> outer, FieldAccessor<M, F> inner)
            implements FieldAccessor<T, F> {
        @Override
        public F get(T record) {
            return inner.get(outer.get(record));
        }

        @Override
        public T set(T record, F value) {
            return outer.set(record, inner.set(outer.get(record), value));
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return inner.getFieldType();
        }
    }
}
