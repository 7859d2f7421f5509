package io.weir.connector.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.util.Set;

/**
 * What a writer (or a lookup) does when a batch (a query) fails, decided by the SQLState's class (its first two
 * characters, the same in every standard database) and by whether the connection still works.
 *
 * <p>Errors in the data or the statement — integrity constraint violations (class 23), data
 * exceptions (22), syntax or access errors (42), features not supported (0A), bad credentials (28)
 * — fail at once: writing the same batch again gives the same error. Everything else is retried,
 * on a new connection when the old one no longer answers or the server said it closed it
 * (connection exceptions, 08; operator intervention such as {@code pg_terminate_backend}, 57).
 */
public enum FailureAction {
    RETRY,
    RECONNECT_AND_RETRY,
    FAIL;

    private static final Set<String> PERMANENT_CLASSES = Set.of("23", "22", "42", "0A", "28", "2B", "44");
    private static final Set<String> CONNECTION_LOST_CLASSES = Set.of("08", "57");

    public static FailureAction of(SQLException error, boolean connectionValid) {
        String sqlClass = sqlStateClass(error);
        if (sqlClass != null && PERMANENT_CLASSES.contains(sqlClass)) {
            return FAIL;
        }
        if (!connectionValid || (sqlClass != null && CONNECTION_LOST_CLASSES.contains(sqlClass))) {
            return RECONNECT_AND_RETRY;
        }
        if (sqlClass == null && error instanceof SQLNonTransientException) {
            return FAIL;
        }
        return RETRY;
    }

    /** The class of the error's SQLState, looking through chained errors for one that has a state. */
    static String sqlStateClass(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && state.length() >= 2) {
                return state.substring(0, 2);
            }
        }
        return null;
    }
}
