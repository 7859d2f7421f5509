package io.weir.connector.jdbc.source;

import java.io.Serializable;

/**
 * The parameters of a {@link JdbcSource}'s query, one row per split: split {@code i} runs the
 * query with {@code getParameterValues()[i]} set to its {@code ?} placeholders, in order.
 */
@FunctionalInterface
public interface JdbcParameterValuesProvider extends Serializable {
    Serializable[][] getParameterValues();
}
