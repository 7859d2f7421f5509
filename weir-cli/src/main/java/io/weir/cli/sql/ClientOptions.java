package io.weir.cli.sql;

import io.weir.sql.api.TableConfig;
import io.weir.sql.api.ValidationException;
import java.util.List;
import java.util.Locale;

/**
 * The client's own options, set like any session option ({@code SET 'sql-client.verbose' = 'true'})
 * and read from the session's {@link TableConfig} before each statement, so {@code SET;} lists
 * them and {@code RESET} restores their defaults.
 *
 * @param resultMode how query rows are shown (interactive mode; scripts always print tableau)
 * @param maxTableRows how many rows the table mode keeps; older rows make room for newer ones
 * @param verbose show an error's stack trace after its reason
 * @param maxColumnWidth the widest a column is printed; longer values are cut and end in "..."
 * @param batchResults {@code execution.runtime-mode} is {@code batch}: a query shows its final rows
 */
record ClientOptions(ResultMode resultMode, int maxTableRows, boolean verbose, int maxColumnWidth,
        boolean batchResults) {

    static final String RESULT_MODE = "sql-client.execution.result-mode";
    static final String MAX_TABLE_RESULT_ROWS = "sql-client.execution.max-table-result.rows";
    static final String VERBOSE = "sql-client.verbose";
    static final String MAX_COLUMN_WIDTH = "sql-client.display.max-column-width";
    static final String RUNTIME_MODE = "execution.runtime-mode";
    /** Wait for an INSERT's job to finish before the next statement (scripts always do). */
    static final String DML_SYNC = "table.dml-sync";

    static final List<String> CLIENT_KEYS = List.of(RESULT_MODE, MAX_TABLE_RESULT_ROWS, VERBOSE, MAX_COLUMN_WIDTH);

    static final int DEFAULT_MAX_TABLE_ROWS = 1_000_000;
    static final int DEFAULT_MAX_COLUMN_WIDTH = 30;

    /**
     * The options as the session has them now.
     *
     * @throws ValidationException if one has a value it cannot take, or a {@code sql-client.} key is
     *     not one of the client's, naming the key and what it takes
     */
    static ClientOptions of(TableConfig config) {
        for (String key : config.toMap().keySet()) {
            if (key.startsWith("sql-client.") && !CLIENT_KEYS.contains(key)) {
                throw new ValidationException("Unknown SQL client option '" + key + "'; the client's options are "
                        + String.join(", ", CLIENT_KEYS));
            }
        }
        return new ClientOptions(resultMode(config.get(RESULT_MODE)),
                positive(config, MAX_TABLE_RESULT_ROWS, DEFAULT_MAX_TABLE_ROWS),
                bool(config, VERBOSE),
                positive(config, MAX_COLUMN_WIDTH, DEFAULT_MAX_COLUMN_WIDTH),
                batch(config.get(RUNTIME_MODE)));
    }

    /** Whether INSERT statements wait for their job ({@code table.dml-sync}). */
    static boolean dmlSync(TableConfig config) {
        return bool(config, DML_SYNC);
    }

    private static ResultMode resultMode(String value) {
        if (value == null) {
            return ResultMode.TABLE;
        }
        try {
            return ResultMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("'" + RESULT_MODE + "' must be 'table', 'changelog' or 'tableau', not '"
                    + value + "'");
        }
    }

    private static boolean batch(String value) {
        if (value == null || value.trim().equalsIgnoreCase("streaming")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("batch")) {
            return true;
        }
        throw new ValidationException("'" + RUNTIME_MODE + "' must be 'streaming' or 'batch', not '" + value + "'");
    }

    private static int positive(TableConfig config, String key, int defaultValue) {
        String value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("'" + key + "' must be a whole number above 0, not '" + value + "'");
    }

    private static boolean bool(TableConfig config, String key) {
        String value = config.get(key);
        if (value == null || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new ValidationException("'" + key + "' must be 'true' or 'false', not '" + value + "'");
    }
}
