package io.weir.connector.jdbc;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Settings of the exactly-once JDBC sink: the prefix of the ids of the transactions it prepares.
 * The prefix must be unique to the job (two jobs with one prefix roll back each other's prepared
 * transactions when they start); a transaction id is {@code <prefix>-<subtask>-<number>}.
 */
public class JdbcExactlyOnceOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9_.]{1,150}");

    private final String transactionIdPrefix;

    private JdbcExactlyOnceOptions(String transactionIdPrefix) {
        if (transactionIdPrefix == null || !SAFE_PREFIX.matcher(transactionIdPrefix).matches()) {
            throw new IllegalArgumentException("The transaction id prefix must be 1 to 150 letters, digits, '_' or '.', "
                    + "unique to the job; got " + (transactionIdPrefix == null ? "none" : "'" + transactionIdPrefix + "'"));
        }
        this.transactionIdPrefix = transactionIdPrefix;
    }

    public String getTransactionIdPrefix() {
        return transactionIdPrefix;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link JdbcExactlyOnceOptions}; the prefix is required. */
    public static final class Builder {
        private String transactionIdPrefix;

        /** A Weir addition: Flink's XA sink names its transactions itself. */
        public Builder withTransactionIdPrefix(String transactionIdPrefix) {
            this.transactionIdPrefix = transactionIdPrefix;
            return this;
        }

        public JdbcExactlyOnceOptions build() {
            return new JdbcExactlyOnceOptions(transactionIdPrefix);
        }
    }
}
