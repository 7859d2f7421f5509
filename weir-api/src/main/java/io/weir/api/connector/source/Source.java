package io.weir.api.connector.source;

import java.io.Serializable;

/**
 * A source in the split model: an enumerator (one per source, on the JobMaster) discovers splits
 * and hands them to readers (one per parallel subtask), which read the records.
 *
 * @param <T> the records produced
 * @param <SplitT> the split type
 * @param <EnumChkT> the enumerator's checkpoint type
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {
    Boundedness getBoundedness();

    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context) throws Exception;

    /** An enumerator that continues from {@code checkpoint}, what {@link SplitEnumerator#snapshotState} returned. */
    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint)
            throws Exception;

    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;

    /** Serializes splits when they cross process boundaries or go into checkpoints. */
    SimpleVersionedSerializer<SplitT> getSplitSerializer();

    /** Serializes the enumerator's checkpoints. */
    SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();
}
