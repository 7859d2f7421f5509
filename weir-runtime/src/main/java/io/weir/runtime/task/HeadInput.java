package io.weir.runtime.task;

import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.operators.Watermark;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.TypeSerializer;

/**
 * One input of a task's head operator as {@link NetworkInput} feeds it: the serializer of its
 * elements, its own watermark valve over its channels, and how an element reaches the operator (the
 * only input of a one-input operator, or the first or second input of a two-input operator). The
 * watermark of each input is the minimum over that input's channels only; a two-input operator
 * combines its two inputs' watermarks itself.
 *
 * <p>Threading: used by the task's thread only. One record object per input, reused for every
 * element.
 */
abstract class HeadInput<T> {
    private final TypeSerializer<T> serializer;
    private final WatermarkValve valve;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    /**
     * @param valve watermark valve over all channel indexes of the task, in which every channel that
     *     does not belong to this input (or is not connected) is already marked ended
     */
    private HeadInput(TypeSerializer<T> serializer, WatermarkValve valve) {
        this.serializer = serializer;
        this.valve = valve;
    }

    static <T> HeadInput<T> of(OneInputStreamOperator<T, ?> operator, TypeSerializer<T> serializer,
            WatermarkValve valve) {
        return new HeadInput<>(serializer, valve) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                operator.setKeyContextElement(record);
                operator.processElement(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                operator.processWatermark(watermark);
            }
        };
    }

    static <T> HeadInput<T> first(TwoInputStreamOperator<T, ?, ?> operator, TypeSerializer<T> serializer,
            WatermarkValve valve) {
        return new HeadInput<>(serializer, valve) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                operator.setKeyContextElement1(record);
                operator.processElement1(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                operator.processWatermark1(watermark);
            }
        };
    }

    static <T> HeadInput<T> second(TwoInputStreamOperator<?, T, ?> operator, TypeSerializer<T> serializer,
            WatermarkValve valve) {
        return new HeadInput<>(serializer, valve) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                operator.setKeyContextElement2(record);
                operator.processElement2(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                operator.processWatermark2(watermark);
            }
        };
    }

    abstract void process(StreamRecord<T> record) throws Exception;

    abstract void processWatermark(Watermark watermark) throws Exception;

    final void readRecord(DataInputDeserializer in) throws Exception {
        reuse.replace(serializer.deserialize(in));
        reuse.eraseTimestamp();
        process(reuse);
    }

    final void readRecordWithTimestamp(DataInputDeserializer in) throws Exception {
        long timestamp = in.readLong();
        reuse.replace(serializer.deserialize(in), timestamp);
        process(reuse);
    }

    final void onWatermark(int channel, long watermark) throws Exception {
        emit(valve.onWatermark(channel, watermark));
    }

    final void onChannelEnded(int channel) throws Exception {
        emit(valve.onChannelEnded(channel));
    }

    private void emit(long watermark) throws Exception {
        if (watermark != Long.MIN_VALUE) {
            processWatermark(new Watermark(watermark));
        }
    }
}
