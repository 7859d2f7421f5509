package io.weir.connector.jdbc;

import io.weir.api.connector.sink.Committer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Commits the transactions the exactly-once sink's writers prepared, once their checkpoint
 * completed. A transaction that no longer exists was committed before (the commit of a restored
 * checkpoint runs again); a lost connection is opened again and the commit retried with the next
 * checkpoint; any other error fails the job.
 *
 * <p>Threading: the task's thread of the sink's subtask.
 */
final class PreparedTransactionCommitter implements Committer<String> {
    private final JdbcConnectionProvider connections;

    PreparedTransactionCommitter(JdbcConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public void commit(Collection<CommitRequest<String>> requests) {
        for (CommitRequest<String> request : requests) {
            String id = request.getCommittable();
            try {
                Connection connection = connections.getOrEstablishConnection();
                connection.setAutoCommit(true); // COMMIT PREPARED runs outside a transaction block
                PreparedTransactions.commit(connection, id);
            } catch (SQLException e) {
                if (PreparedTransactions.UNDEFINED_OBJECT.equals(e.getSQLState())) {
                    request.signalAlreadyCommitted();
                } else if (FailureAction.of(e, connections.isConnectionValid()) != FailureAction.FAIL) {
                    connections.closeConnection();
                    request.retryLater();
                } else {
                    request.signalFailedWithKnownReason(new SQLException("Could not commit prepared transaction " + id
                            + ": " + JdbcOutput.describe(e), e.getSQLState(), e));
                }
            }
        }
    }

    @Override
    public void close() {
        connections.closeConnection();
    }
}
