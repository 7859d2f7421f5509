package io.weir.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sorter against a reference: {@link List#sort} (stable) on the same entries with the order
 * written out independently (key length, key bytes unsigned, timestamp). Budgets from tiny (a run
 * every few entries) to ample (no spill) give the same sequence.
 */
class ExternalSorterTest {
    @TempDir
    Path spillDirectory;

    private record Entry(byte[] key, long timestamp, String payload) {
        String describe() {
            return new String(key, StandardCharsets.ISO_8859_1) + "@" + timestamp + "=" + payload;
        }
    }

    private static List<Entry> randomEntries(int n, long seed) {
        Random random = new Random(seed);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // keys of one to seven bytes: up to four the sort index's prefix decides, longer ones sharing
            // a prefix are compared in full
            byte[] key = new byte[1 + random.nextInt(7)];
            for (int b = 0; b < key.length; b++) {
                key[b] = (byte) (random.nextInt(4) * 70); // few distinct bytes, some above 127
            }
            // few timestamps, so that many entries tie on (key, timestamp) and stability shows
            entries.add(new Entry(key, random.nextInt(5) - 2, "#" + i + "-" + "x".repeat(random.nextInt(40))));
        }
        return entries;
    }

    private static List<String> expectedOrder(List<Entry> entries) {
        Comparator<Entry> order = Comparator.<Entry>comparingInt(e -> e.key().length)
                .thenComparing((a, b) -> {
                    for (int i = 0; i < a.key().length; i++) {
                        int c = Integer.compare(a.key()[i] & 0xff, b.key()[i] & 0xff);
                        if (c != 0) {
                            return c;
                        }
                    }
                    return 0;
                })
                .thenComparingLong(Entry::timestamp);
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(order);
        return sorted.stream().map(Entry::describe).toList();
    }

    private List<String> sortWith(long budget, List<Entry> entries, int[] runs) throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(budget, spillDirectory)) {
            for (Entry e : entries) {
                byte[] payload = e.payload().getBytes(StandardCharsets.ISO_8859_1);
                sorter.add(e.key(), 0, e.key().length, e.timestamp(), payload, 0, payload.length);
            }
            List<String> out = new ArrayList<>();
            SortedEntries sorted = sorter.sorted();
            while (sorted.next()) {
                String key = new String(sorted.keyBytes(), sorted.keyOffset(), sorted.keyLength(),
                        StandardCharsets.ISO_8859_1);
                String payload = new String(sorted.payloadBytes(), sorted.payloadOffset(), sorted.payloadLength(),
                        StandardCharsets.ISO_8859_1);
                out.add(key + "@" + sorted.timestamp() + "=" + payload);
            }
            runs[0] = sorter.spilledRuns();
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1 << 20, 4096, 1024})
    void sortsByKeyThenTimestampKeepingTheOrderOfTies(long budget) throws IOException {
        List<Entry> entries = randomEntries(3000, budget);
        int[] runs = new int[1];
        assertEquals(expectedOrder(entries), sortWith(budget, entries, runs));
        if (budget < 10_000) {
            assertTrue(runs[0] > 10, "a small budget spills many runs, got " + runs[0]);
        } else {
            assertEquals(0, runs[0]);
        }
    }

    @Test
    void anEntryLargerThanTheBudgetIsSortedToo() throws IOException {
        List<Entry> entries = new ArrayList<>(randomEntries(50, 7));
        entries.add(25, new Entry(new byte[] {1}, 0, "y".repeat(5000)));
        int[] runs = new int[1];
        assertEquals(expectedOrder(entries), sortWith(1024, entries, runs));
    }

    @Test
    void closingDeletesTheSpillFiles() throws IOException {
        List<Entry> entries = randomEntries(500, 3);
        sortWith(512, entries, new int[1]);
        try (Stream<Path> left = Files.list(spillDirectory)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
