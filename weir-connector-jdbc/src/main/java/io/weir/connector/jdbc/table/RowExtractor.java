package io.weir.connector.jdbc.table;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import io.weir.connector.jdbc.source.ResultExtractor;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes a SQL row of a result row: column {@code i} as the Java type of the table's field {@code i}
 * ({@code Long} for BIGINT, {@code BigDecimal} for DECIMAL, {@code LocalDateTime} for TIMESTAMP, …),
 * converted by the driver ({@link ResultSet#getObject(int, Class)}).
 */
final class RowExtractor implements ResultExtractor<Row> {
    private static final long serialVersionUID = 1L;

    private final Class<?>[] fieldClasses;

    RowExtractor(TypeInformation<?>[] fieldTypes) {
        fieldClasses = new Class<?>[fieldTypes.length];
        for (int i = 0; i < fieldTypes.length; i++) {
            fieldClasses[i] = fieldTypes[i].getTypeClass();
        }
    }

    @Override
    public Row extract(ResultSet resultSet) throws SQLException {
        Row row = new Row(RowKind.INSERT, fieldClasses.length);
        for (int i = 0; i < fieldClasses.length; i++) {
            row.setField(i, field(resultSet, i + 1, fieldClasses[i]));
        }
        return row;
    }

    private static Object field(ResultSet resultSet, int column, Class<?> type) throws SQLException {
        if (type == Byte.class) { // drivers have no TINYINT of their own: read a short and narrow it
            short value = resultSet.getShort(column);
            return resultSet.wasNull() ? null : (byte) value;
        }
        return resultSet.getObject(column, type);
    }
}
