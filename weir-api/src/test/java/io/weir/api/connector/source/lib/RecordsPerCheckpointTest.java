package io.weir.api.connector.source.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.types.Types;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimiterStrategy#perCheckpoint}: a reader emits its share, then nothing until a
 * checkpoint completes; the gate survives splits, and the last share ends the input.
 */
class RecordsPerCheckpointTest {
    @Test
    void aReaderEmitsItsShareThenWaitsForTheNextCompletedCheckpoint() throws Exception {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, 25, RateLimiterStrategy.perCheckpoint(10),
                Types.LONG);
        SourceReader<Long, NumberSequenceSplit> reader = source.createReader(new RecordingReaderContext());
        reader.start();
        reader.addSplits(List.of(new NumberSequenceSplit("0", 0, 24)));
        reader.notifyNoMoreSplits();
        CollectingReaderOutput<Long> output = new CollectingReaderOutput<>();

        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(10, output.values().size(), "the first share is let out before any checkpoint");
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertFalse(reader.isAvailable().isDone(), "the reader waits for a checkpoint");
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output), "polling again does not open the gate");
        assertEquals(10, output.values().size());

        reader.notifyCheckpointComplete(1);
        assertTrue(reader.isAvailable().isDone(), "a completed checkpoint makes the reader available");
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(20, output.values().size());
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));

        reader.notifyCheckpointComplete(2);
        while (reader.pollNext(output) == InputStatus.MORE_AVAILABLE) {
            // the last five records, then the end of the split
        }
        assertEquals(LongStream.range(0, 25).boxed().toList(), output.values());
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
    }

    @Test
    void theRecordsPerCheckpointAreSharedByTheReaders() {
        assertEquals(25, RateLimiterStrategy.perCheckpoint(100).perReaderPerCheckpoint(4));
        assertEquals(0, RateLimiterStrategy.perSecond(100).perReaderPerCheckpoint(4), "no gate without perCheckpoint");
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> RateLimiterStrategy.perCheckpoint(3).perReaderPerCheckpoint(4));
        assertTrue(tooFew.getMessage().contains("at least 4 records per checkpoint"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RateLimiterStrategy.perCheckpoint(0));
    }
}
