package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.types.DataInputDeserializer;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.ElementTag;
import io.weir.runtime.exchange.InputQueue;

/**
 * Reads the buffers of a task's input channels, deserializes the elements and hands them to the
 * head operator through the {@link HeadInput} each channel belongs to (one for a one-input operator,
 * two for a two-input operator). Yields to the mailbox between records when mail arrives.
 *
 * <p>Threading: used by the task's thread only.
 */
final class NetworkInput implements TaskInput {
    private final InputQueue queue;
    private final HeadInput<?>[] inputOfChannel;
    private final int connectedChannels;
    private final DataInputDeserializer in = new DataInputDeserializer();
    private Mailbox mailbox;
    private Buffer current;
    private int endedChannels;
    // counted on the task's thread, read by the metrics (numRecordsIn, numBytesIn): plain fields. Records
    // are counted one by one, not per buffer, so that a task stuck inside a buffer shows its exact count.
    private long recordsRead;
    private long bytesRead;

    /**
     * @param inputOfChannel for each channel index, the head input it feeds ({@code null} for a
     *     channel that is not connected)
     * @param connectedChannels number of channels that will deliver an end of partition
     */
    NetworkInput(InputQueue queue, HeadInput<?>[] inputOfChannel, int connectedChannels) {
        this.queue = queue;
        this.inputOfChannel = inputOfChannel.clone();
        this.connectedChannels = connectedChannels;
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
        HeadInput<?> input = inputOfChannel[channel];
        while (in.available() > 0) {
            byte tag = in.readByte();
            switch (tag) {
                case ElementTag.RECORD:
                    recordsRead++;
                    input.readRecord(in);
                    break;
                case ElementTag.RECORD_WITH_TIMESTAMP:
                    recordsRead++;
                    input.readRecordWithTimestamp(in);
                    break;
                case ElementTag.WATERMARK:
                    input.onWatermark(channel, in.readLong());
                    break;
                case ElementTag.WATERMARK_STATUS:
                    input.onWatermarkStatus(channel, in.readByte() != 0);
                    break;
                case ElementTag.END_OF_PARTITION:
                    endedChannels++;
                    input.onChannelEnded(channel);
                    break;
                default:
                    throw new IllegalStateException("Corrupt buffer on channel " + channel + ": unknown element tag " + tag);
            }
            if (mailbox.hasMail()) {
                break;
            }
        }
        if (in.available() == 0) {
            bytesRead += current.length();
            current.recycle();
            current = null;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    long recordsRead() {
        return recordsRead;
    }

    long bytesRead() {
        return bytesRead;
    }

    InputQueue queue() {
        return queue;
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
