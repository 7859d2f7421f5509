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

    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;

    /** Creates the enumerator of a restored job from the state its predecessor had at a checkpoint. */
    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint)
            throws Exception;

    /** Serializes the enumerator's state into checkpoints. */
    SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();

    /** Serializes splits when they cross process boundaries or go into checkpoints. */
    SimpleVersionedSerializer<SplitT> getSplitSerializer();
}
