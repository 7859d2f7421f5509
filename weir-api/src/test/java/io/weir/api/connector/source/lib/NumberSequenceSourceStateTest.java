package io.weir.api.connector.source.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.eventtime.Watermark;
import io.weir.api.functions.TaskInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Number sequence splits survive a checkpoint: a restored reader continues where the snapshot was. */
class NumberSequenceSourceStateTest {
    private static List<NumberSequenceSplit> roundTrip(List<NumberSequenceSplit> splits) throws Exception {
        SimpleVersionedSerializer<NumberSequenceSplit> serializer = new NumberSequenceSource(0, 0).getSplitSerializer();
        List<NumberSequenceSplit> back = new ArrayList<>();
        for (NumberSequenceSplit split : splits) {
            back.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
        }
        return back;
    }

    @Test
    void aSplitRestoredMidWayContinuesWhereTheCheckpointWas() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 2_000);
        SourceReader<Long, NumberSequenceSplit> reader = source.createReader(new RecordingReaderContext());
        reader.start();
        reader.addSplits(List.of(new NumberSequenceSplit("0", 1, 1_500), new NumberSequenceSplit("1", 1_501, 2_000)));
        CollectingReaderOutput<Long> before = new CollectingReaderOutput<Long>();
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(before)); // one batch, part of the first split
        List<NumberSequenceSplit> state = roundTrip(reader.snapshotState(1));
        assertEquals(List.of(new NumberSequenceSplit("0", before.values().size() + 1, 1_500),
                new NumberSequenceSplit("1", 1_501, 2_000)), state);

        RecordingReaderContext context = new RecordingReaderContext();
        SourceReader<Long, NumberSequenceSplit> restored = source.createReader(context);
        restored.start();
        restored.addSplits(state);
        restored.notifyNoMoreSplits();
        CollectingReaderOutput<Long> after = new CollectingReaderOutput<Long>();
        while (restored.pollNext(after) == InputStatus.MORE_AVAILABLE) {
            // read all
        }
        List<Long> all = new ArrayList<>(before.values());
        all.addAll(after.values());
        assertEquals(LongStream.rangeClosed(1, 2_000).boxed().toList(), all);
        assertEquals(0, context.splitRequests, "restored splits are read before new ones are asked for");
    }

    @Test
    void theEnumeratorCheckpointHoldsTheSplitsNotAssignedYet() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 100);
        List<NumberSequenceSplit> assigned = new ArrayList<>();
        SplitEnumeratorContext<NumberSequenceSplit> context = new SplitEnumeratorContext<>() {
            @Override
            public int currentParallelism() {
                return 4;
            }

            @Override
            public Map<Integer, String> registeredReaders() {
                return Map.of();
            }

            @Override
            public void assignSplit(NumberSequenceSplit split, int subtask) {
                assigned.add(split);
            }

            @Override
            public void signalNoMoreSplits(int subtask) {}
        };
        SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> enumerator = source.createEnumerator(context);
        enumerator.handleSplitRequest(0, "localhost");
        SimpleVersionedSerializer<Collection<NumberSequenceSplit>> serializer = source.getEnumeratorCheckpointSerializer();
        Collection<NumberSequenceSplit> checkpoint = serializer.deserialize(serializer.getVersion(),
                serializer.serialize(enumerator.snapshotState(1)));
        assertEquals(3, checkpoint.size());

        SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restored =
                source.restoreEnumerator(context, checkpoint);
        for (int i = 0; i < 4; i++) {
            restored.handleSplitRequest(i, "localhost");
        }
        assertEquals(NumberSequenceSplit.divide(1, 100, 4), assigned);
    }
}
