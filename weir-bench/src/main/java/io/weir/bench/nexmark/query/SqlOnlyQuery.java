package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.bench.nexmark.Event;

/**
 * A Nexmark query that exists only as a SQL file (io.weir.bench.nexmark.sql.NexmarkSqlQueries):
 * q9, q10 and q14 ... q22 of the public suite, which have no DataStream job here. It names the
 * query for {@code bench nexmark --api sql}; building it as a DataStream job is refused.
 */
public final class SqlOnlyQuery extends NexmarkQuery<Object> {
    private static final long serialVersionUID = 1L;

    SqlOnlyQuery(String name, String description) {
        super(name, description);
    }

    @Override
    public DataStream<Object> build(DataStream<Event> events) {
        throw new UnsupportedOperationException(name() + " has only a SQL file, no DataStream job; run it with "
                + "--api sql");
    }

    @Override
    public String canonicalRow(Object result) {
        throw new UnsupportedOperationException(name() + " has only a SQL file, no DataStream job");
    }
}
