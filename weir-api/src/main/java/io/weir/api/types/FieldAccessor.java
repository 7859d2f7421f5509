package io.weir.api.types;

import java.io.Serializable;

/**
 * Reads and replaces one field of a value, for the built-in aggregations ({@code sum}, {@code min},
 * {@code maxBy}, ...). Made by {@link FieldAccessors} once per job, so it does no lookup per record.
 *
 * @param <T> the type of the value
 * @param <F> the type of the field
 */
public interface FieldAccessor<T, F> extends Serializable {
    /** The field's value in {@code record}. */
    F get(T record);

    /**
     * Sets the field to {@code value} and returns the result: {@code record} itself, changed, for
     * mutable types (tuples, POJOs, rows); a new instance for immutable ones (Java records).
     */
    T set(T record, F value);

    /** The type of the field. */
    TypeInformation<F> getFieldType();
}
