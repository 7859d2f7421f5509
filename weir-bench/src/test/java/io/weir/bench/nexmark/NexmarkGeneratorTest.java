package io.weir.bench.nexmark;


import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.CollectingReaderOutput;
import io.weir.api.connector.source.lib.NumberSequenceSplit;
import io.weir.api.functions.TaskInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Weir's generator against the normative one of the Flink anchor harness. The hashes are the
 * SHA-256 of the harness's output, made once with
 * {@code ./jrun.sh dump 200000 events.jsonl [seed] [eventsPerSecond]} in
 * {@code shared/anchors/flink-nexmark} (JSON lines, each ended by '\n', UTF-8). For seed 42 at 10 M
 * events/s that file is the harness's {@code reference/events.jsonl} (md5 919a40c7...).
 */
class NexmarkGeneratorTest {
    private static final int EVENTS = 200_000;

    @Test
    void jsonLinesEqualTheNormativeGeneratorsDump() throws Exception {
        assertEquals("63949b382680130b67773186292b5043fb6a9436d12a7e3de4978a9a21eecf49",
                sha256OfJsonLines(NexmarkConfig.defaults(), EVENTS));
    }

    @Test
    void slowEventTimeRateEqualsTheNormativeGeneratorsDump() throws Exception {
        assertEquals("8c2a0ee3805f4974e133f655ceadda2072fbe64fa0cae1a8dbcde6f1f0a371fa",
                sha256OfJsonLines(NexmarkConfig.defaults().withEventsPerSecond(10_000), EVENTS));
    }

    @Test
    void otherSeedEqualsTheNormativeGeneratorsDump() throws Exception {
        assertEquals("ab413ef20052e0b516e4b93b660c7c10826e282e2858cba0bee3119c5ab032ad",
                sha256OfJsonLines(NexmarkConfig.defaults().withSeed(7), EVENTS));
    }

    @Test
    void everyFiftyEventsAreOnePersonThreeAuctionsAndFortySixBids() {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults());
        int persons = 0;
        int auctions = 0;
        int bids = 0;
        for (long i = 0; i < EVENTS; i++) {
            Event event = generator.event(i);
            if (event instanceof Person) {
                persons++;
            } else if (event instanceof Auction) {
                auctions++;
            } else {
                bids++;
            }
            assertEquals(event instanceof Bid, NexmarkGenerator.isBid(i));
        }
        assertEquals(List.of(4_000, 12_000, 184_000), List.of(persons, auctions, bids));
    }

    @Test
    void firstEventsAreThoseOfTheNormativeGenerator() {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults());
        assertEquals("{\"type\":\"person\",\"id\":1000,\"name\":\"Saul White\",\"emailAddress\":\"curp@qdu.com\","
                + "\"creditCard\":\"6935 4065 1213 2130\",\"city\":\"Los Angeles\",\"state\":\"WY\","
                + "\"dateTime\":1700000000000,\"extra\":\"khcbielggmbevvjwgpfjlajdhfjsgedywweigdmacohmxplwudbqedcvquxcnbyb"
                + "qdtgutwxinznnbivdeehbxnbwahfcbohsktdkkxpqxusagbajunytoapzyrkhusgvqivfqvsagx\"}",
                EventJson.toJson(generator.event(0)));
        Auction auction = (Auction) generator.event(1);
        assertEquals(List.of(1000L, 109773L, 11526099L, 1700000000001L, 1000L, 10L),
                List.of(auction.id(), auction.initialBid(), auction.reserve(), auction.expires(),
                        auction.seller(), auction.category()));
    }

    /** A reader restored from a snapshot taken after its first batch emits exactly the events it had not emitted. */
    @Test
    void aReaderRestoredMidSplitContinuesTheSequence() throws Exception {
        int events = 2_000;
        NexmarkSource source = NexmarkSource.of(NexmarkConfig.defaults(), events);
        CollectingReaderOutput<Event> output = new CollectingReaderOutput<>();
        SourceReader<Event, NumberSequenceSplit> first = source.createReader(new ReaderContext(0, 1));
        first.start();
        first.addSplits(NumberSequenceSplit.divide(0, events - 1, 1));
        first.pollNext(output);
        var serializer = source.getSplitSerializer();
        List<NumberSequenceSplit> state = new ArrayList<>();
        for (NumberSequenceSplit split : first.snapshotState(1)) {
            state.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
        }
        first.close();

        SourceReader<Event, NumberSequenceSplit> restored = source.createReader(new ReaderContext(0, 1));
        restored.start();
        restored.addSplits(state);
        restored.notifyNoMoreSplits();
        while (restored.pollNext(output) != InputStatus.END_OF_INPUT) {
            // each poll emits a batch
        }
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults());
        List<String> sequential = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            sequential.add(EventJson.toJson(generator.event(i)));
        }
        assertEquals(sequential, output.values().stream().map(EventJson::toJson).toList());
    }

    /** The source's readers, each given one split by the source's enumerator, together make events 0..n-1 once. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void splitIndexRangesConcatenateToTheSequentialSequence(int parallelism) throws Exception {
        int events = 20_000;
        NexmarkSource source = NexmarkSource.of(NexmarkConfig.defaults(), events);
        Map<Integer, List<NumberSequenceSplit>> assigned = new HashMap<>();
        SplitEnumerator<NumberSequenceSplit, ?> enumerator = source.createEnumerator(new EnumeratorContext(parallelism, assigned));
        List<String> concatenated = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            enumerator.handleSplitRequest(subtask, "localhost");
            SourceReader<Event, NumberSequenceSplit> reader = source.createReader(new ReaderContext(subtask, parallelism));
            reader.start();
            reader.addSplits(assigned.get(subtask));
            reader.notifyNoMoreSplits();
            CollectingReaderOutput<Event> output = new CollectingReaderOutput<>();
            while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
                // each poll emits a batch
            }
            reader.close();
            List<String> lines = output.values().stream().map(EventJson::toJson).toList();
            assertEquals(events / parallelism, lines.size(), 1.0, "subtask " + subtask + " gets an even share");
            concatenated.addAll(lines);
        }
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults());
        List<String> sequential = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            sequential.add(EventJson.toJson(generator.event(i)));
        }
        assertEquals(sequential, concatenated);
    }

    static String sha256OfJsonLines(NexmarkConfig config, long events) throws Exception {
        NexmarkGenerator generator = new NexmarkGenerator(config);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        StringBuilder line = new StringBuilder(1024);
        for (long i = 0; i < events; i++) {
            line.setLength(0);
            EventJson.append(generator.event(i), line);
            line.append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private record EnumeratorContext(int parallelism, Map<Integer, List<NumberSequenceSplit>> assigned)
            implements SplitEnumeratorContext<NumberSequenceSplit> {
        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, String> registeredReaders() {
            Map<Integer, String> readers = new HashMap<>();
            for (int i = 0; i < parallelism; i++) {
                readers.put(i, "localhost");
            }
            return readers;
        }

        @Override
        public void assignSplit(NumberSequenceSplit split, int subtask) {
            assigned.computeIfAbsent(subtask, k -> new ArrayList<>()).add(split);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
        }
    }

    private record ReaderContext(int subtask, int parallelism) implements SourceReaderContext {
        @Override
        public TaskInfo getTaskInfo() {
            throw new UnsupportedOperationException("not needed by the Nexmark reader");
        }

        @Override
        public void sendSplitRequest() {
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }
    }
}
