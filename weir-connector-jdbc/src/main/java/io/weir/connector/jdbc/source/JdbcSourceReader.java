package io.weir.connector.jdbc.source;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.lib.SplitQueue;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import io.weir.connector.jdbc.JdbcConnectionProvider;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits of a {@link JdbcSource} one after another, asking the enumerator for the next
 * when one is done. A split's query streams its rows with a cursor ({@code fetchSize} rows per
 * round trip), and each {@link #pollNext} emits at most one fetch's worth, so checkpoints and
 * other mail get their turn between fetches.
 *
 * <p>Threading: the task's thread only. A fetch is a blocking round trip to the database on that
 * thread, as a file read would be; there is no fetcher thread.
 */
final class JdbcSourceReader<T> implements SourceReader<T, JdbcSourceSplit> {
    private final JdbcConnectionProvider connections;
    private final String sql;
    private final ResultExtractor<T> extractor;
    private final int fetchSize;
    private final SplitQueue<JdbcSourceSplit> splits;
    private JdbcSourceSplit current;
    private long emitted;
    private PreparedStatement statement;
    private ResultSet rows;

    JdbcSourceReader(SourceReaderContext context, JdbcConnectionOptions options, String sql,
            ResultExtractor<T> extractor, int fetchSize) {
        this.splits = new SplitQueue<>(context);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.connections = new JdbcConnectionProvider(options, loader != null ? loader : getClass().getClassLoader());
        this.sql = sql;
        this.extractor = extractor;
        this.fetchSize = fetchSize;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (current == null && !startNextSplit()) {
            return splits.awaitSplit();
        }
        try {
            for (int i = 0; i < fetchSize; i++) {
                if (!rows.next()) {
                    finishSplit();
                    return InputStatus.MORE_AVAILABLE;
                }
                output.collect(extractor.extract(rows));
                emitted++;
            }
        } catch (SQLException e) {
            throw new IOException("JDBC source failed reading split " + current + " of \"" + sql + "\" after " + emitted
                    + " rows: SQLState " + e.getSQLState() + ": " + e.getMessage(), e);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Runs the next split's query and skips the rows a restored split had emitted; false if there is no split. */
    private boolean startNextSplit() throws IOException {
        JdbcSourceSplit split = splits.poll();
        if (split == null) {
            return false;
        }
        current = split;
        emitted = 0;
        try {
            Connection connection = connections.getOrEstablishConnection();
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            Object[] parameters = split.parameters();
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            rows = statement.executeQuery();
            while (emitted < split.offset() && rows.next()) {
                emitted++;
            }
        } catch (SQLException e) {
            throw new IOException("JDBC source could not run \"" + sql + "\" with parameters "
                    + Arrays.toString(split.parameters()) + " (split " + split.splitId() + "): SQLState "
                    + e.getSQLState() + ": " + e.getMessage(), e);
        }
        return true;
    }

    private void finishSplit() throws SQLException {
        closeQuery();
        connections.getOrEstablishConnection().commit();
        current = null;
    }

    private void closeQuery() {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // closing a query on a broken connection; the connection is dropped anyway
        }
        rows = null;
        statement = null;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return splits.isAvailable();
    }

    @Override
    public void addSplits(List<JdbcSourceSplit> newSplits) {
        splits.add(newSplits);
    }

    @Override
    public void notifyNoMoreSplits() {
        splits.noMoreSplits();
    }

    /** The split being read, with the rows emitted so far, then the splits not started. */
    @Override
    public List<JdbcSourceSplit> snapshotState(long checkpointId) {
        return splits.snapshot(current == null ? null : current.withOffset(emitted));
    }

    @Override
    public void close() {
        closeQuery();
        connections.closeConnection();
    }
}
