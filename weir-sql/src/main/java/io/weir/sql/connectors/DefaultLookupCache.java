package io.weir.sql.connectors;

import io.weir.api.types.Row;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial lookup cache ({@code 'lookup.cache' = 'PARTIAL'}, Flink's {@code DefaultLookupCache}):
 * the answers for the most recently used keys, each used until it is older than
 * {@code expireAfterWrite} or unused for longer than {@code expireAfterAccess}, and at most
 * {@code maximumSize} keys, the least recently used leaving first. Lookups in between see the
 * cached rows, not the table's current ones: that is the trade the cache makes.
 *
 * <p>Threading: used by the lookup join's task thread only (see {@link LookupCache}).
 */
public final class DefaultLookupCache implements LookupCache {

    private static final long serialVersionUID = 1L;

    private final long maximumSize;
    private final Duration expireAfterWrite;
    private final Duration expireAfterAccess;
    private final boolean cacheMissingKey;
    private final Clock clock;
    /** In access order: the first entry is the least recently used. */
    private transient LinkedHashMap<Row, Entry> entries;
    private transient long hits;
    private transient long misses;

    private DefaultLookupCache(Builder builder) {
        this.maximumSize = builder.maximumSize;
        this.expireAfterWrite = builder.expireAfterWrite;
        this.expireAfterAccess = builder.expireAfterAccess;
        this.cacheMissingKey = builder.cacheMissingKey;
        this.clock = builder.clock;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void open() {
        entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    public Collection<Row> getIfPresent(Row key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            misses++;
            return null;
        }
        long now = clock.millis();
        if (expired(entry, now)) {
            entries.remove(key);
            misses++;
            return null;
        }
        entry.accessed = now;
        hits++;
        return entry.rows;
    }

    @Override
    public long hitCount() {
        return hits;
    }

    @Override
    public long missCount() {
        return misses;
    }

    @Override
    public void put(Row key, Collection<Row> rows) {
        if (rows.isEmpty() && !cacheMissingKey) {
            return;
        }
        long now = clock.millis();
        entries.put(key, new Entry(List.copyOf(rows), now));
        Iterator<Map.Entry<Row, Entry>> oldestFirst = entries.entrySet().iterator();
        while (entries.size() > maximumSize && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    @Override
    public long size() {
        return entries.size();
    }

    private boolean expired(Entry entry, long now) {
        return (expireAfterWrite != null && now - entry.written >= expireAfterWrite.toMillis())
                || (expireAfterAccess != null && now - entry.accessed >= expireAfterAccess.toMillis());
    }

    /** The rows cached for a key, when they were looked up and when they were last used. */
    private static final class Entry {
        final List<Row> rows;
        final long written;
        long accessed;

        Entry(List<Row> rows, long written) {
            this.rows = rows;
            this.written = written;
            this.accessed = written;
        }
    }

    /** Settings of a {@link DefaultLookupCache}; unset bounds do not apply. */
    public static final class Builder {
        private long maximumSize = Long.MAX_VALUE;
        private Duration expireAfterWrite;
        private Duration expireAfterAccess;
        private boolean cacheMissingKey = true;
        private Clock clock = Clock.systemUTC();

        public Builder maximumSize(long keys) {
            if (keys <= 0) {
                throw new IllegalArgumentException("A lookup cache holds at least one key, not " + keys);
            }
            this.maximumSize = keys;
            return this;
        }

        public Builder expireAfterWrite(Duration duration) {
            this.expireAfterWrite = duration;
            return this;
        }

        public Builder expireAfterAccess(Duration duration) {
            this.expireAfterAccess = duration;
            return this;
        }

        /** Whether a key with no rows is cached (default true), so a missing key is not looked up again at once. */
        public Builder cacheMissingKey(boolean cache) {
            this.cacheMissingKey = cache;
            return this;
        }

        /** The clock expiries are measured by (the system's by default; tests pass their own). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public DefaultLookupCache build() {
            return new DefaultLookupCache(this);
        }
    }
}
