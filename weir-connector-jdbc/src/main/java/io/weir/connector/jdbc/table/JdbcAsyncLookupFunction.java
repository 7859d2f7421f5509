package io.weir.connector.jdbc.table;

import io.weir.api.types.Row;
import io.weir.sql.connectors.AsyncLookupFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * JDBC lookups that do not block the join ({@code 'lookup.async' = 'true'}): JDBC itself blocks, so
 * each lookup runs on one of {@code threads} threads of the subtask, each with its own connection
 * and prepared statement ({@link JdbcLookupFunction}, with its retries). Up to that many queries
 * run at once; the join keeps up to {@code table.exec.async-lookup.buffer-capacity} in flight.
 *
 * <p>Threading: opened, called and closed by the join's task thread; the lookups run on the pool's
 * threads, and their futures complete there.
 */
final class JdbcAsyncLookupFunction extends AsyncLookupFunction {

    private static final long serialVersionUID = 1L;
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final JdbcLookupFunction template;
    private final int threads;
    private transient ExecutorService pool;
    private transient ThreadLocal<JdbcLookupFunction> functions;
    private transient List<JdbcLookupFunction> opened;

    JdbcAsyncLookupFunction(JdbcLookupFunction template, int threads) {
        this.template = template;
        this.threads = threads;
    }

    @Override
    public void open() {
        opened = new CopyOnWriteArrayList<>();
        functions = ThreadLocal.withInitial(() -> {
            JdbcLookupFunction function = template.copy();
            try {
                function.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            opened.add(function);
            return function;
        });
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "jdbc-async-lookup");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletableFuture<Collection<Row>> asyncLookup(Row key) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return functions.get().lookup(key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool);
    }

    @Override
    public void close() throws IOException {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (JdbcLookupFunction function : opened) {
            function.close();
        }
    }
}
