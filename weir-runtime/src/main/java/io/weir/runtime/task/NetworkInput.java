package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.types.DataInputDeserializer;
import io.weir.runtime.checkpoint.CheckpointBarrier;

import io.weir.runtime.exchange.BarrierEncoding;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.ElementTag;
import io.weir.runtime.exchange.InputQueue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the buffers of a task's input channels, deserializes the elements and hands them to the
 * head operator through the {@link HeadInput} each channel belongs to (one for a one-input operator,
 * two for a two-input operator). Yields to the mailbox between records when mail arrives.
 *
 * <h2>Barriers</h2>
 * Checkpoint barriers go to the task's {@link CheckpointBarrierHandler}. While it keeps a channel
 * blocked (exactly-once alignment), that channel's elements after the barrier — the rest of the
 * buffer the barrier was in, and every later buffer of the channel — are held back in arrival
 * order and read again, before anything newer of that channel, once it is unblocked. Held-back
 * buffers are not recycled, so a blocked channel's producer soon runs out of buffers and waits:
 * alignment costs no unbounded memory.
 *
 * <p>Threading: used by the task's thread only.
 */
final class NetworkInput implements TaskInput {
    private final InputQueue queue;
    private final HeadInput<?>[] inputOfChannel;
    private final int connectedChannels;
    private final DataInputDeserializer in = new DataInputDeserializer();
    private CheckpointBarrierHandler barriers;
    /** Held-back parts of buffers, per channel, in arrival order. */
    private final ArrayDeque<HeldBack>[] heldBack;
    /** Held-back parts of unblocked channels, read before the queue. */
    private final ArrayDeque<HeldBack> released = new ArrayDeque<>();
    private Mailbox mailbox;
    private Buffer current;
    /** The unread rest of a buffer interrupted by an unaligned barrier, until it is read again. */
    private HeldBack interrupted;
    /** Where recording of {@link #current} for an unaligned checkpoint started, or -1 when not recording. */
    private int recordFrom = -1;
    private int endedChannels;
    // counted on the task's thread, read by the metrics (numRecordsIn, numBytesIn): plain fields. Records
    // are counted one by one, not per buffer, so that a task stuck inside a buffer shows its exact count.
    private long recordsRead;
    private long bytesRead;

    private record HeldBack(Buffer buffer, int position) {}

    /**
     * @param inputOfChannel for each channel index, the head input it feeds ({@code null} for a
     *     channel that is not connected)
     * @param connectedChannels number of channels that will deliver an end of partition
     */
    @SuppressWarnings("unchecked")
    NetworkInput(InputQueue queue, HeadInput<?>[] inputOfChannel, int connectedChannels) {
        this.queue = queue;
        this.inputOfChannel = inputOfChannel.clone();
        this.connectedChannels = connectedChannels;
        this.heldBack = new ArrayDeque[inputOfChannel.length];
    }

    @Override
    public NetworkInput network() {
        return this;
    }

    /** Sets who handles the barriers; without one, barriers are not expected. */
    void setBarrierHandler(CheckpointBarrierHandler handler) {
        this.barriers = handler;
    }

    /** Per channel index, whether the channel is connected. */
    boolean[] connectedChannels() {
        boolean[] connected = new boolean[inputOfChannel.length];
        for (int i = 0; i < connected.length; i++) {
            connected[i] = inputOfChannel[i] != null;
        }
        return connected;
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) {
        this.mailbox = mailbox;
        queue.attach(wakeup::signal);
        // an unaligned barrier is taken between two records, not after the buffer being read: mail breaks the loop
        queue.attachPriority(() -> mailbox.put(() -> { }));
    }

    /**
     * Checkpoints start aligned and go unaligned after {@code timeout}, counted from the checkpoint's
     * start: when a barrier that may time out is queued, a timer is set (once per checkpoint) whose
     * mail hands the timeout to the barrier handler. Call after {@link #start}.
     */
    void enableAlignmentTimeout(Duration timeout, ScheduledExecutorService timers) {
        AtomicLong lastTimed = new AtomicLong(-1);
        queue.attachBarrierListener(barrier -> {
            long previous = lastTimed.getAndAccumulate(barrier.id(), Math::max);
            if (previous >= barrier.id()) {
                return;
            }
            long delay = Math.max(0, barrier.timestamp() + timeout.toMillis() - System.currentTimeMillis());
            timers.schedule(() -> mailbox.put(() -> onAlignmentTimeout(barrier)), delay,
                    TimeUnit.MILLISECONDS);
        });
    }

    /**
     * The alignment of {@code barrier}'s checkpoint ran out of time, on the task's thread between two
     * records. For each channel whose barrier is queued, everything still to be read before it — the
     * rest of the buffer being read, released parts, queued buffers — is handed to the handler, which
     * may take the checkpoint unaligned now.
     */
    private void onAlignmentTimeout(CheckpointBarrier barrier) throws Exception {
        if (barriers == null) {
            return;
        }
        if (current != null) {
            stopRecording(current.channel(), in.getPosition());
        }
        Map<Integer, List<byte[]>> ahead = new HashMap<>();
        queue.copyAheadOfBarrier(barrier.id()).forEach((channel, queued) -> {
            if (barriers.isBlocked(channel)) {
                return; // its held-back parts come first; it is recorded as it is read
            }
            List<byte[]> parts = new ArrayList<>();
            if (current != null && current.channel() == channel && in.available() > 0) {
                parts.add(Arrays.copyOfRange(current.bytes(), in.getPosition(), current.length()));
            }
            for (HeldBack part : released) {
                if (part.buffer().channel() == channel && part.position() < part.buffer().length()) {
                    parts.add(Arrays.copyOfRange(part.buffer().bytes(), part.position(),
                            part.buffer().length()));
                }
            }
            parts.addAll(queued);
            ahead.put(channel, parts);
        });
        barriers.onAlignmentTimeout(barrier, ahead);
        releaseUnblocked();
        if (current != null) {
            recordFrom = barriers.isRecording(current.channel()) ? in.getPosition() : -1;
        }
    }

    @Override
    public InputStatus processInput() throws Exception {
        if (current != null && queue.hasPriority()) {
            interruptCurrent();
        }
        if (current == null && !nextBuffer()) {
            return endedChannels == connectedChannels ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        int channel = current.channel();
        HeadInput<?> input = inputOfChannel[channel];
        while (in.available() > 0) {
            byte tag = in.readByte();
            switch (tag) {
                case ElementTag.RECORD:
                    recordsRead++;
                    input.readRecord(in, current.bytes());
                    break;
                case ElementTag.RECORD_WITH_TIMESTAMP:
                    recordsRead++;
                    input.readRecordWithTimestamp(in, current.bytes());
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
                    if (barriers != null) {
                        barriers.onChannelEnded(channel);
                    }
                    break;
                case ElementTag.BARRIER:
                    stopRecording(channel, in.getPosition() - 1);
                    boolean blocked = onBarrier(channel, BarrierEncoding.readAfterTag(in),
                            current.length() == in.getPosition());
                    recordFrom = barriers.isRecording(channel) ? in.getPosition() : -1;
                    if (blocked) {
                        recordFrom = -1; // the held-back rest starts recording again when it is read
                        holdBack(channel, new HeldBack(current, in.getPosition()));
                        current = null;
                        return InputStatus.MORE_AVAILABLE;
                    }
                    break;
                default:
                    throw new IllegalStateException("Corrupt buffer on channel " + channel + ": unknown element tag " + tag);
            }
            if (mailbox.hasMail()) {
                break;
            }
        }
        if (in.available() == 0) {
            stopRecording(channel, current.length());
            bytesRead += current.length();
            current.recycle();
            current = null;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /**
     * An unaligned barrier waits in the queue: puts the unread rest of the current buffer back in front
     * of what is read next, so that the barrier is taken first.
     */
    private void interruptCurrent() {
        int position = in.getPosition();
        stopRecording(current.channel(), position);
        interrupted = new HeldBack(current, position);
        released.addFirst(interrupted);
        current = null;
    }

    /** Hands what was read of {@link #current} since recording started, up to {@code end}, to the handler. */
    private void stopRecording(int channel, int end) {
        if (recordFrom >= 0) {
            barriers.record(channel, current.bytes(), recordFrom, end);
            recordFrom = -1;
        }
    }

    /**
     * Restored in-flight data of an unaligned checkpoint, per channel in order: read before anything
     * from the queue. Called before {@link #start}.
     */
    void replay(Map<Integer, List<byte[]>> inFlight) {
        inFlight.forEach((channel, parts) -> {
            for (byte[] part : parts) {
                released.add(new HeldBack(Buffer.unpooled(part, channel), 0));
            }
        });
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

    /**
     * Hands a barrier to the handler; {@code alone} says it was a buffer of its own (an unaligned
     * barrier is), which may have overtaken the unread rest of this channel's interrupted buffer.
     */
    private boolean onBarrier(int channel, CheckpointBarrier barrier, boolean alone) throws Exception {
        if (barriers == null) {
            throw new IllegalStateException("Task received the barrier of checkpoint " + barrier.id()
                    + " on channel " + channel + " but checkpointing is not enabled for it");
        }
        HeldBack overtaken = alone && interrupted != null && interrupted.buffer().channel() == channel ? interrupted : null;
        boolean blocked = overtaken == null ? barriers.onBarrier(channel, barrier)
                : barriers.onBarrier(channel, barrier, overtaken.buffer().bytes(), overtaken.position(),
                        overtaken.buffer().length());
        releaseUnblocked();
        return blocked;
    }

    /**
     * Makes {@link #current} the next part to read: a released held-back part first, then the queue.
     * Parts of channels that are blocked are held back. Says whether there is one.
     */
    private boolean nextBuffer() {
        while (true) {
            HeldBack next = queue.hasPriority() ? null : released.poll();
            if (next != null && next == interrupted) {
                interrupted = null;
            }
            Buffer buffer;
            int position;
            if (next != null) {
                buffer = next.buffer();
                position = next.position();
            } else {
                buffer = queue.poll();
                if (buffer == null) {
                    return false;
                }
                position = 0;
            }
            if (barriers != null && barriers.isBlocked(buffer.channel())) {
                holdBack(buffer.channel(), new HeldBack(buffer, position));
                continue;
            }
            current = buffer;
            in.setBuffer(buffer.bytes(), 0, buffer.length());
            in.skipBytes(position);
            recordFrom = barriers != null && barriers.isRecording(buffer.channel()) ? position : -1;
            return true;
        }
    }

    private void holdBack(int channel, HeldBack part) {
        ArrayDeque<HeldBack> parts = heldBack[channel];
        if (parts == null) {
            parts = heldBack[channel] = new ArrayDeque<>();
        }
        parts.add(part);
    }

    /**
     * Moves the held-back parts of channels that are no longer blocked to the front of what is read
     * next, keeping each channel's order (released parts already waiting stay ahead of them: they
     * are older).
     */
    private void releaseUnblocked() {
        if (!barriers.takeUnblocked()) {
            return;
        }
        for (int channel = 0; channel < heldBack.length; channel++) {
            ArrayDeque<HeldBack> parts = heldBack[channel];
            if (parts != null && !parts.isEmpty() && !barriers.isBlocked(channel)) {
                released.addAll(parts);
                parts.clear();
            }
        }
    }

    /**
     * A checkpoint was triggered in a task with chained sources: its barrier counts as arrived on
     * {@code channel}, a channel number after this input's own that stands for one chained source
     * (the barrier handler was built with those). Says whether that source must now be held back
     * until the alignment completes.
     */
    boolean onSourceBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        boolean blocked = barriers.onBarrier(channel, barrier);
        releaseUnblocked();
        return blocked;
    }

    /** The chained source standing for {@code channel} ended: it delivers no more barriers. */
    void onSourceEnded(int channel) throws Exception {
        barriers.onChannelEnded(channel);
        releaseUnblocked();
    }

    /** Whether the elements of {@code channel} (also a chained source's) are held back for an alignment. */
    boolean isBlocked(int channel) {
        return barriers != null && barriers.isBlocked(channel);
    }

    /** The coordinator aborted a checkpoint: stop aligning for it. */
    void onCheckpointAborted(long checkpointId) throws Exception {
        if (barriers != null) {
            barriers.onCheckpointAborted(checkpointId);
            releaseUnblocked();
        }
    }

    @Override
    public void release() {
        if (current != null) {
            current.recycle();
            current = null;
        }
        for (HeldBack part : released) {
            part.buffer().recycle();
        }
        released.clear();
        for (ArrayDeque<HeldBack> parts : heldBack) {
            if (parts != null) {
                parts.forEach(p -> p.buffer().recycle());
                parts.clear();
            }
        }
        queue.releaseAll();
    }
}
