package io.weir.runtime.task;

import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.TypeSerializer;

/**
 * One input of a task's head operator as {@link NetworkInput} feeds it: the serializer of its
 * elements, its own watermark valve over its channels, and how an element reaches the operator (the
 * only input of a one-input operator, the first or second input of a two-input operator, or one
 * input of a multiple-input operator). The watermark and idleness of each input come from that
 * input's channels only; an operator with several inputs combines their watermarks and statuses
 * itself.
 *
 * <p>Threading: used by the task's thread only. One record object per input, reused for every
 * element.
 */
abstract class HeadInput<T> implements WatermarkValve.ValveOutput {
    private final TypeSerializer<T> serializer;
    private final WatermarkValve valve;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private int openChannels;

    /**
     * @param channels per channel index of the task, whether it is a connected channel of this
     *     input; the others never hold this input's watermark back
     */
    private HeadInput(TypeSerializer<T> serializer, boolean[] channels) {
        this.serializer = serializer;
        this.valve = new WatermarkValve(channels, this);
        for (boolean connected : channels) {
            openChannels += connected ? 1 : 0;
        }
    }

    static <T> HeadInput<T> of(OneInputStreamOperator<T, ?> operator, TypeSerializer<T> serializer,
            boolean[] channels) {
        return new HeadInput<>(serializer, channels) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                operator.setKeyContextElement(record);
                operator.processElement(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                operator.processWatermark(watermark);
            }

            @Override
            void processWatermarkStatus(WatermarkStatus status) throws Exception {
                operator.processWatermarkStatus(status);
            }
        };
    }

    static <T> HeadInput<T> first(TwoInputStreamOperator<T, ?, ?> operator, TypeSerializer<T> serializer,
            boolean[] channels) {
        return new HeadInput<>(serializer, channels) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                operator.setKeyContextElement1(record);
                operator.processElement1(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                operator.processWatermark1(watermark);
            }

            @Override
            void processWatermarkStatus(WatermarkStatus status) throws Exception {
                operator.processWatermarkStatus1(status);
            }

            @Override
            void endInput() throws Exception {
                if (operator instanceof BoundedMultiInput bounded) {
                    bounded.endInput(1);
                }
            }
        };
    }

    static <T> HeadInput<T> second(TwoInputStreamOperator<?, T, ?> operator, TypeSerializer<T> serializer,
            boolean[] channels) {
        return new HeadInput<>(serializer, channels) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                operator.setKeyContextElement2(record);
                operator.processElement2(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                operator.processWatermark2(watermark);
            }

            @Override
            void processWatermarkStatus(WatermarkStatus status) throws Exception {
                operator.processWatermarkStatus2(status);
            }

            @Override
            void endInput() throws Exception {
                if (operator instanceof BoundedMultiInput bounded) {
                    bounded.endInput(2);
                }
            }
        };
    }

    /**
     * Input {@code index} (0-based) of a multiple-input operator: fed to {@code all.get(index)}, where
     * {@code all} is what its {@code getInputs()} returned; its end announced as {@code endInput(index + 1)}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> HeadInput<T> ofInput(MultipleInputStreamOperator<?> operator, java.util.List<Input> all, int index,
            TypeSerializer<T> serializer, boolean[] channels) {
        if (all == null || index >= all.size()) {
            throw new IllegalStateException("Multiple-input operator " + operator.getClass().getName() + " returns "
                    + (all == null ? "no inputs" : all.size() + " inputs") + " from getInputs(), but its transformation "
                    + "has an input " + (index + 1) + ": return one Input per addInput(...) call.");
        }
        Input<T> input = (Input<T>) all.get(index);
        return new HeadInput<>(serializer, channels) {
            @Override
            void process(StreamRecord<T> record) throws Exception {
                input.setKeyContextElement(record);
                input.processElement(record);
            }

            @Override
            void processWatermark(Watermark watermark) throws Exception {
                input.processWatermark(watermark);
            }

            @Override
            void processWatermarkStatus(WatermarkStatus status) throws Exception {
                input.processWatermarkStatus(status);
            }

            @Override
            void endInput() throws Exception {
                if (operator instanceof BoundedMultiInput bounded) {
                    bounded.endInput(index + 1);
                }
            }
        };
    }

    /**
     * An input of a keyed operator in BATCH execution: its records go into {@code sorted}, which
     * hands them to the operator key by key once all input has ended; its watermarks and idleness
     * are dropped (event time ends per key instead), and its end is announced by {@code sorted}.
     */
    static <T> HeadInput<T> sorting(SortedKeyedInput sorted, int inputIndex, TypeSerializer<T> serializer,
            boolean[] channels) {
        return new HeadInput<>(serializer, channels) {
            // the record's bytes go into the sorter as they came: deserialized only for the key
            @Override
            void readRecord(DataInputDeserializer in, byte[] array) throws Exception {
                int start = in.getPosition();
                T value = serializer.deserialize(in);
                sorted.add(inputIndex, value, false, Long.MIN_VALUE, array, start, in.getPosition() - start);
            }

            @Override
            void readRecordWithTimestamp(DataInputDeserializer in, byte[] array) throws Exception {
                long timestamp = in.readLong();
                int start = in.getPosition();
                T value = serializer.deserialize(in);
                sorted.add(inputIndex, value, true, timestamp, array, start, in.getPosition() - start);
            }

            @Override
            void process(StreamRecord<T> record) {
                throw new IllegalStateException("A sorting input reads records only from the network");
            }

            @Override
            void processWatermark(Watermark watermark) {}

            @Override
            void processWatermarkStatus(WatermarkStatus status) {}
        };
    }

    abstract void process(StreamRecord<T> record) throws Exception;

    abstract void processWatermark(Watermark watermark) throws Exception;

    abstract void processWatermarkStatus(WatermarkStatus status) throws Exception;

    /** Reads a record without timestamp; {@code array} is the array {@code in} reads. */
    void readRecord(DataInputDeserializer in, byte[] array) throws Exception {
        reuse.replace(serializer.deserialize(in));
        reuse.eraseTimestamp();
        process(reuse);
    }

    /** Reads a record with its timestamp; {@code array} is the array {@code in} reads. */
    void readRecordWithTimestamp(DataInputDeserializer in, byte[] array) throws Exception {
        long timestamp = in.readLong();
        reuse.replace(serializer.deserialize(in), timestamp);
        process(reuse);
    }

    final void onWatermark(int channel, long watermark) throws Exception {
        valve.onWatermark(channel, watermark);
    }

    final void onWatermarkStatus(int channel, boolean idle) throws Exception {
        valve.onWatermarkStatus(channel, idle);
    }

    final void onChannelEnded(int channel) throws Exception {
        valve.onChannelEnded(channel);
        if (--openChannels == 0) {
            endInput();
        }
    }

    /** All channels of this input have ended; a two-input operator that asks for it is told. */
    void endInput() throws Exception {}

    /** This input's watermark advanced (called by its valve). */
    @Override
    public final void emitWatermark(long watermark) throws Exception {
        processWatermark(new Watermark(watermark));
    }

    /** This input became idle or active (called by its valve). */
    @Override
    public final void emitWatermarkStatus(boolean idle) throws Exception {
        processWatermarkStatus(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }
}
