package io.weir.api.connector.source.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import io.weir.api.connector.source.lib.util.IteratorSourceReader;
import io.weir.api.functions.source.NumberSequenceIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Flink's iterator sources ({@code IteratorSourceEnumerator}, {@code IteratorSourceReader},
 * {@code IteratorSourceSplit}) over number sequence splits: splits go out one per request, a reader
 * reads them through their iterators and ends after "no more splits", and a checkpoint taken
 * mid-split lets a restored reader emit exactly the rest.
 */
class IteratorSourceTest {
    /** What an enumerator did: splits per subtask, and which subtasks were told "no more". */
    private static final class RecordingEnumeratorContext implements SplitEnumeratorContext<NumberSequenceSplit> {
        final List<String> events = new ArrayList<>();

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public Map<Integer, String> registeredReaders() {
            return Map.of();
        }

        @Override
        public void assignSplit(NumberSequenceSplit split, int subtask) {
            events.add(subtask + ":" + split.from() + "-" + split.to());
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            events.add(subtask + ":none");
        }
    }

    private static IteratorSourceReader<Long, NumberSequenceIterator, NumberSequenceSplit> reader(
            RecordingReaderContext context) {
        return new IteratorSourceReader<>(context);
    }

    @Test
    void theEnumeratorHandsOutOneSplitPerRequestThenNoMoreAndTakesSplitsBackFirst() throws Exception {
        RecordingEnumeratorContext context = new RecordingEnumeratorContext();
        IteratorSourceEnumerator<NumberSequenceSplit> enumerator =
                new IteratorSourceEnumerator<>(context, NumberSequenceSplit.divide(1, 30, 3));
        enumerator.handleSplitRequest(0, "host");
        enumerator.handleSplitRequest(1, "host");
        enumerator.addSplitsBack(List.of(new NumberSequenceSplit("0", 5, 10)), 0);
        assertEquals(List.of(new NumberSequenceSplit("0", 5, 10), new NumberSequenceSplit("2", 21, 30)),
                new ArrayList<>(enumerator.snapshotState(1)), "the checkpoint: splits not assigned, the returned first");
        enumerator.handleSplitRequest(1, "host");
        enumerator.handleSplitRequest(1, "host");
        enumerator.handleSplitRequest(1, "host");
        assertEquals(List.of("0:1-10", "1:11-20", "1:5-10", "1:21-30", "1:none"), context.events);
    }

    @Test
    void theReaderAsksForSplitsReadsThemThroughTheirIteratorsAndEndsAfterNoMoreSplits() throws Exception {
        RecordingReaderContext context = new RecordingReaderContext();
        var reader = reader(context);
        reader.start();
        CollectingReaderOutput<Long> output = new CollectingReaderOutput<>();
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertEquals(1, context.splitRequests, "one request until it is answered");
        assertFalse(reader.isAvailable().isDone());
        reader.addSplits(List.of(new NumberSequenceSplit("0", 1, 600)));
        assertTrue(reader.isAvailable().isDone(), "a split makes the reader available");
        while (reader.pollNext(output) == InputStatus.MORE_AVAILABLE) {
            // read the split
        }
        assertEquals(2, context.splitRequests, "the next split is asked for when the first is read");
        reader.addSplits(List.of(new NumberSequenceSplit("1", 601, 700)));
        reader.notifyNoMoreSplits();
        InputStatus status;
        while ((status = reader.pollNext(output)) == InputStatus.MORE_AVAILABLE) {
            // read the rest
        }
        assertEquals(InputStatus.END_OF_INPUT, status);
        assertEquals(LongStream.rangeClosed(1, 700).boxed().toList(), output.values());
    }

    @Test
    void aReaderRestoredFromACheckpointMidSplitEmitsExactlyTheRest() throws Exception {
        var reader = reader(new RecordingReaderContext());
        reader.start();
        reader.addSplits(List.of(new NumberSequenceSplit("0", 1, 1_000), new NumberSequenceSplit("1", 1_001, 1_200)));
        CollectingReaderOutput<Long> before = new CollectingReaderOutput<>();
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(before)); // part of the first split
        List<NumberSequenceSplit> state = reader.snapshotState(1);
        assertEquals(List.of(new NumberSequenceSplit("0", before.values().size() + 1, 1_000),
                new NumberSequenceSplit("1", 1_001, 1_200)), state);

        RecordingReaderContext context = new RecordingReaderContext();
        var restored = reader(context);
        restored.start();
        restored.addSplits(state);
        restored.notifyNoMoreSplits();
        CollectingReaderOutput<Long> after = new CollectingReaderOutput<>();
        while (restored.pollNext(after) == InputStatus.MORE_AVAILABLE) {
            // read all
        }
        List<Long> all = new ArrayList<>(before.values());
        all.addAll(after.values());
        assertEquals(LongStream.rangeClosed(1, 1_200).boxed().toList(), all);
        assertEquals(0, context.splitRequests, "restored splits are read before new ones are asked for");
        assertEquals(List.of(), restored.snapshotState(2), "nothing left");
    }

    @Test
    void aNumberSequenceIteratorSplitsIntoContiguousRangesOfNearlyEqualSize() {
        NumberSequenceIterator iterator = new NumberSequenceIterator(1, 10);
        assertEquals(1L, iterator.next());
        List<List<Long>> parts = new ArrayList<>();
        for (Iterator<Long> part : iterator.split(4)) {
            List<Long> values = new ArrayList<>();
            part.forEachRemaining(values::add);
            parts.add(values);
        }
        assertEquals(List.of(List.of(2L, 3L, 4L), List.of(5L, 6L), List.of(7L, 8L), List.of(9L, 10L)), parts);
        NumberSequenceIterator two = new NumberSequenceIterator(1, 2);
        assertEquals(List.of(true, true, false), Arrays.stream(two.split(3)).map(Iterator::hasNext).toList(),
                "fewer numbers than parts: empty parts at the end");
        assertThrows(IllegalArgumentException.class, () -> new NumberSequenceIterator(5, 4));
    }
}
