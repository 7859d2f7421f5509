package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.ElementTag;
import io.weir.runtime.exchange.InputQueue;

/**
 * Reads the buffers of a task's input channels, deserializes the elements and hands them to the
 * head operator. Yields to the mailbox between records when mail arrives.
 */
final class NetworkInput<T> implements TaskInput, WatermarkValve.ValveOutput {
    private final InputQueue queue;
    private final TypeSerializer<T> serializer;
    private final OneInputStreamOperator<T, ?> head;
    private final int connectedChannels;
    private final WatermarkValve valve;
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private Mailbox mailbox;
    private Buffer current;
    private int endedChannels;

    /**
     * @param connected per channel index, whether a producer is connected to it (only connected
     *     channels deliver elements and an end of partition)
     */
    NetworkInput(InputQueue queue, TypeSerializer<T> serializer, OneInputStreamOperator<T, ?> head,
            boolean[] connected) {
        this.queue = queue;
        this.serializer = serializer;
        this.head = head;
        int n = 0;
        for (boolean c : connected) {
            n += c ? 1 : 0;
        }
        this.connectedChannels = n;
        this.valve = new WatermarkValve(connected, this);
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) {
        this.mailbox = mailbox;
        queue.attach(wakeup::signal);
    }

    @Override
    public InputStatus processInput() throws Exception {
        if (current == null) {
            if (endedChannels == connectedChannels) {
                return InputStatus.END_OF_INPUT;
            }
            current = queue.poll();
            if (current == null) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            in.setBuffer(current.bytes(), 0, current.length());
        }
        int channel = current.channel();
        while (in.available() > 0) {
            byte tag = in.readByte();
            switch (tag) {
                case ElementTag.RECORD:
                    reuse.replace(serializer.deserialize(in));
                    reuse.eraseTimestamp();
                    process();
                    break;
                case ElementTag.RECORD_WITH_TIMESTAMP:
                    long timestamp = in.readLong();
                    reuse.replace(serializer.deserialize(in), timestamp);
                    process();
                    break;
                case ElementTag.WATERMARK:
                    valve.onWatermark(channel, in.readLong());
                    break;
                case ElementTag.WATERMARK_STATUS:
                    valve.onWatermarkStatus(channel, in.readByte() != 0);
                    break;
                case ElementTag.END_OF_PARTITION:
                    endedChannels++;
                    valve.onChannelEnded(channel);
                    break;
                default:
                    throw new IllegalStateException("Corrupt buffer on channel " + channel + ": unknown element tag " + tag);
            }
            if (mailbox.hasMail()) {
                break;
            }
        }
        if (in.available() == 0) {
            current.recycle();
            current = null;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void process() throws Exception {
        head.setKeyContextElement(reuse);
        head.processElement(reuse);
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        head.processWatermark(new Watermark(watermark));
    }

    @Override
    public void emitWatermarkStatus(boolean idle) throws Exception {
        head.processWatermarkStatus(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }

    @Override
    public void release() {
        if (current != null) {
            current.recycle();
            current = null;
        }
        queue.releaseAll();
    }
}
