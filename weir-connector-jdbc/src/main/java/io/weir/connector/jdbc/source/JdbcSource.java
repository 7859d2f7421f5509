package io.weir.connector.jdbc.source;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the rows of a query, once (a bounded source). With a {@link JdbcParameterValuesProvider}
 * the query runs once per parameter row — one split each, read in parallel by the source's
 * subtasks; {@link JdbcNumericBetweenParametersProvider} cuts a numeric column's range for a query
 * with {@code WHERE column BETWEEN ? AND ?}. Built with {@link #builder()}:
 *
 * <pre>{@code
 * JdbcSource<Book> books = JdbcSource.<Book>builder()
 *         .setDBUrl("jdbc:postgresql://db:5432/shop").setUsername("weir").setPassword("...")
 *         .setSql("SELECT id, title FROM books WHERE id BETWEEN ? AND ? ORDER BY id")
 *         .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(1, 1_000_000).ofBatchSize(10_000))
 *         .setResultExtractor(rs -> new Book(rs.getLong(1), rs.getString(2)))
 *         .setTypeInformation(TypeInformation.of(Book.class))
 *         .build();
 * env.fromSource(books, WatermarkStrategy.noWatermarks(), "books");
 * }</pre>
 *
 * <p>Checkpoints hold the splits not handed out yet and, for each split being read, how many of
 * its rows were emitted; a restored reader runs that split's query again and skips those rows. So
 * a restore mid-split is exact only when the query returns its rows in a fixed order: give it an
 * {@code ORDER BY} on a unique column.
 */
public final class JdbcSource<T> implements Source<T, JdbcSourceSplit, Collection<JdbcSourceSplit>>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final JdbcConnectionOptions connectionOptions;
    private final String sql;
    private final JdbcParameterValuesProvider parameters;
    private final ResultExtractor<T> extractor;
    private final TypeInformation<T> type;
    private final int fetchSize;

    JdbcSource(JdbcConnectionOptions connectionOptions, String sql, JdbcParameterValuesProvider parameters,
            ResultExtractor<T> extractor, TypeInformation<T> type, int fetchSize) {
        this.connectionOptions = connectionOptions;
        this.sql = sql;
        this.parameters = parameters;
        this.extractor = extractor;
        this.type = type;
        this.fetchSize = fetchSize;
    }

    public static <T> JdbcSourceBuilder<T> builder() {
        return new JdbcSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }

    /** The splits: one per parameter row, or one running the query as it is. */
    List<JdbcSourceSplit> splits() {
        List<JdbcSourceSplit> splits = new ArrayList<>();
        if (parameters == null) {
            splits.add(new JdbcSourceSplit("0", new Serializable[0], 0));
            return splits;
        }
        Serializable[][] values = parameters.getParameterValues();
        for (int i = 0; i < values.length; i++) {
            splits.add(new JdbcSourceSplit(String.valueOf(i), values[i], 0));
        }
        return splits;
    }

    @Override
    public SplitEnumerator<JdbcSourceSplit, Collection<JdbcSourceSplit>> createEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context) {
        return new IteratorSourceEnumerator<>(context, splits());
    }

    @Override
    public SplitEnumerator<JdbcSourceSplit, Collection<JdbcSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context, Collection<JdbcSourceSplit> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<T, JdbcSourceSplit> createReader(SourceReaderContext readerContext) {
        return new JdbcSourceReader<>(readerContext, connectionOptions, sql, extractor, fetchSize);
    }

    @Override
    public SimpleVersionedSerializer<JdbcSourceSplit> getSplitSerializer() {
        return new JdbcSourceSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<JdbcSourceSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new JdbcSourceSplitSerializer());
    }
}
