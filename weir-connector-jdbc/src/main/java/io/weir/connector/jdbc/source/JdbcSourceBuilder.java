package io.weir.connector.jdbc.source;

import io.weir.api.types.TypeInformation;
import io.weir.connector.jdbc.JdbcConnectionOptions;

/** Builds a {@link JdbcSource}; the URL, the query, the result extractor and the type are required. */
public final class JdbcSourceBuilder<T> {
    private final JdbcConnectionOptions.JdbcConnectionOptionsBuilder connection =
            new JdbcConnectionOptions.JdbcConnectionOptionsBuilder();
    private String sql;
    private JdbcParameterValuesProvider parameters;
    private ResultExtractor<T> extractor;
    private TypeInformation<T> type;
    private int fetchSize = 1000;

    JdbcSourceBuilder() {}

    public JdbcSourceBuilder<T> setDBUrl(String url) {
        connection.withUrl(url);
        return this;
    }

    public JdbcSourceBuilder<T> setDriverName(String driverName) {
        connection.withDriverName(driverName);
        return this;
    }

    public JdbcSourceBuilder<T> setUsername(String username) {
        connection.withUsername(username);
        return this;
    }

    public JdbcSourceBuilder<T> setPassword(String password) {
        connection.withPassword(password);
        return this;
    }

    public JdbcSourceBuilder<T> setConnectionCheckTimeoutSeconds(int seconds) {
        connection.withConnectionCheckTimeoutSeconds(seconds);
        return this;
    }

    public JdbcSourceBuilder<T> setConnectionProperty(String key, String value) {
        connection.withProperty(key, value);
        return this;
    }

    /** The query; with a parameters provider, its {@code ?} placeholders take one row of parameters per split. */
    public JdbcSourceBuilder<T> setSql(String sql) {
        this.sql = sql;
        return this;
    }

    public JdbcSourceBuilder<T> setJdbcParameterValuesProvider(JdbcParameterValuesProvider parameters) {
        this.parameters = parameters;
        return this;
    }

    public JdbcSourceBuilder<T> setResultExtractor(ResultExtractor<T> extractor) {
        this.extractor = extractor;
        return this;
    }

    public JdbcSourceBuilder<T> setTypeInformation(TypeInformation<T> type) {
        this.type = type;
        return this;
    }

    /** Rows fetched from the database per round trip (the reader emits them between two fetches). */
    public JdbcSourceBuilder<T> setResultSetFetchSize(int fetchSize) {
        if (fetchSize <= 0) {
            throw new IllegalArgumentException("The fetch size must be at least 1, not " + fetchSize);
        }
        this.fetchSize = fetchSize;
        return this;
    }

    public JdbcSource<T> build() {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The JDBC source's query is missing: setSql(\"SELECT ...\")");
        }
        if (extractor == null) {
            throw new IllegalArgumentException("The JDBC source needs a ResultExtractor that makes a record of a row");
        }
        if (type == null) {
            throw new IllegalArgumentException("The JDBC source needs the TypeInformation of its records (setTypeInformation)");
        }
        return new JdbcSource<>(connection.build(), sql, parameters, extractor, type, fetchSize);
    }
}
