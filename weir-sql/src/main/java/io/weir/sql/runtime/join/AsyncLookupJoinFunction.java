package io.weir.sql.runtime.join;

import io.weir.api.functions.OpenContext;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.api.types.Row;
import io.weir.sql.connectors.LookupCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A lookup join whose lookups run asynchronously ({@code 'lookup.async' = 'true'}): it runs inside
 * Weir's async I/O operator, which keeps up to {@code table.exec.async-lookup.buffer-capacity}
 * probe rows in flight and emits their joined rows in input order ({@code ORDERED}) or as they
 * complete ({@code ALLOW_UNORDERED}, for append-only input). A cache in front is asked first on the
 * task thread; a key it does not hold is looked up and its answer cached when it arrives.
 *
 * <p>Threading: {@link #asyncInvoke} runs on the task thread; the lookup's future completes on the
 * connector's threads, so the cache is written under its own lock.
 */
public final class AsyncLookupJoinFunction extends RichAsyncFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final LookupJoinFunction.Spec spec;
    private transient LookupJoinRows rows;
    private transient LookupCache cache;

    public AsyncLookupJoinFunction(LookupJoinFunction.Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        rows = new LookupJoinRows(spec);
        cache = spec.provider().cache();
        if (cache != null) {
            cache.open();
        }
        spec.provider().asyncFunction().open();
    }

    @Override
    public void close() throws Exception {
        spec.provider().asyncFunction().close();
    }

    @Override
    public void asyncInvoke(Row probe, ResultFuture<Row> resultFuture) {
        Row key = rows.key(probe);
        Collection<Row> cached = key == null ? List.of() : cached(key);
        if (cached != null) {
            resultFuture.complete(joined(probe, cached));
            return;
        }
        spec.provider().asyncFunction().asyncLookup(key).whenComplete((found, error) -> {
            if (error != null) {
                resultFuture.completeExceptionally(error);
                return;
            }
            if (cache != null) {
                synchronized (cache) {
                    cache.put(key, found);
                }
            }
            resultFuture.complete(joined(probe, found));
        });
    }

    private Collection<Row> cached(Row key) {
        if (cache == null) {
            return null;
        }
        synchronized (cache) {
            return cache.getIfPresent(key);
        }
    }

    /** Called from the lookup's thread too: the compiled residual is a pure function of the row. */
    private List<Row> joined(Row probe, Collection<Row> found) {
        List<Row> out = new ArrayList<>();
        rows.join(probe, found, out);
        return out;
    }

    @Override
    public void timeout(Row probe, ResultFuture<Row> resultFuture) {
        resultFuture.completeExceptionally(new TimeoutException("The async lookup of " + probe + " did not complete "
                + "within table.exec.async-lookup.timeout; raise the timeout or check the lookup table's system"));
    }
}
