package io.weir.connector.jdbc.source;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Makes one record of the row the result set is on; it must not move the result set. */
@FunctionalInterface
public interface ResultExtractor<T> extends Serializable {
    T extract(ResultSet resultSet) throws SQLException;
}
