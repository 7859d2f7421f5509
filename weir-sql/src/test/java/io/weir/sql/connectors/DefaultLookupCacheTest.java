package io.weir.sql.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partial lookup cache's bounds, on a clock the test moves. */
class DefaultLookupCacheTest {

    /** A clock that stands still until the test moves it. */
    private static final class ManualClock extends Clock {
        private long millis;

        void advance(Duration duration) {
            millis += duration.toMillis();
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void anEntryExpiresThatLongAfterItWasWrittenHoweverOftenItIsRead() {
        DefaultLookupCache cache = DefaultLookupCache.newBuilder().expireAfterWrite(Duration.ofSeconds(10))
                .clock(clock).build();
        cache.open();
        cache.put(Row.of(1), List.of(Row.of(1, "ann")));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(List.of(Row.of(1, "ann")), cache.getIfPresent(Row.of(1)));
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.getIfPresent(Row.of(1)));
        assertEquals(0, cache.size());
    }

    @Test
    void anEntryExpiresThatLongAfterItWasLastRead() {
        DefaultLookupCache cache = DefaultLookupCache.newBuilder().expireAfterAccess(Duration.ofSeconds(10))
                .clock(clock).build();
        cache.open();
        cache.put(Row.of(1), List.of(Row.of(1, "ann")));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(9));
            assertEquals(List.of(Row.of(1, "ann")), cache.getIfPresent(Row.of(1)));
        }
        clock.advance(Duration.ofSeconds(10));
        assertNull(cache.getIfPresent(Row.of(1)));
    }

    @Test
    void theLeastRecentlyUsedKeyLeavesAFullCache() {
        DefaultLookupCache cache = DefaultLookupCache.newBuilder().maximumSize(2).clock(clock).build();
        cache.open();
        cache.put(Row.of(1), List.of());
        cache.put(Row.of(2), List.of(Row.of(2, "bob")));
        cache.getIfPresent(Row.of(1));
        cache.put(Row.of(3), List.of(Row.of(3, "cy")));
        assertEquals(List.of(), cache.getIfPresent(Row.of(1)));
        assertNull(cache.getIfPresent(Row.of(2)));
        assertEquals(2, cache.size());
    }

    @Test
    void missingKeysAreNotCachedWhenSwitchedOff() {
        DefaultLookupCache cache = DefaultLookupCache.newBuilder().maximumSize(10).cacheMissingKey(false).build();
        cache.open();
        cache.put(Row.of(1), List.of());
        assertNull(cache.getIfPresent(Row.of(1)));
    }

    @Test
    void lookupOptionsBuildTheCacheTheyDescribe() {
        assertNull(LookupOptions.cache("t", Map.of(), null, new int[0]));
        LookupCache cache = LookupOptions.cache("t", Map.of("lookup.cache", "PARTIAL",
                "lookup.partial-cache.max-rows", "1"), null, new int[0]);
        cache.open();
        cache.put(Row.of(1), List.of());
        cache.put(Row.of(2), List.of());
        assertEquals(1, cache.size());
        ValidationException bad = assertThrows(ValidationException.class, () -> LookupOptions.cache("t",
                Map.of("lookup.cache", "EVERYTHING"), null, new int[0]));
        assertTrue(bad.getMessage().contains("option 'lookup.cache' = 'EVERYTHING' is not valid"), bad.getMessage());
        ValidationException timed = assertThrows(ValidationException.class, () -> LookupOptions.cache("t",
                Map.of("lookup.cache", "FULL", "lookup.full-cache.reload-strategy", "TIMED"), null, new int[0]));
        assertTrue(timed.getMessage().contains("'TIMED' is not supported yet"), timed.getMessage());
        assertTrue(LookupOptions.cache("t", Map.of("lookup.cache", "FULL"), List::of, new int[0])
                instanceof FullLookupCache);
    }
}
