package io.weir.runtime.task;

import java.util.Arrays;

/**
 * The watermark and idleness of a task with several input channels. The task's watermark is the
 * minimum over the channels that are active, aligned and not ended, and is reported only when it
 * advances. An idle channel does not hold the watermark back; when it becomes active again it
 * counts only once its watermark has caught up with the task's (it is "aligned"), so the task's
 * watermark never goes back. When every channel that has not ended is idle, the task is idle:
 * it first reports the highest watermark over all channels (each channel's progress is final),
 * then the idle status; the first channel to become active makes the task active again.
 *
 * <p>Threading: the task's thread only.
 */
final class WatermarkValve {
    /** Receives what the valve decides. */
    interface ValveOutput {
        void emitWatermark(long watermark) throws Exception;

        void emitWatermarkStatus(boolean idle) throws Exception;
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private final boolean[] ended;
    private final ValveOutput output;
    private long current = Long.MIN_VALUE;
    private boolean taskIdle;

    /**
     * @param connected per channel, whether a producer feeds it; unconnected channels count as
     *     ended from the start, so they never hold the watermark back
     */
    WatermarkValve(boolean[] connected, ValveOutput output) {
        int channels = connected.length;
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.aligned = new boolean[channels];
        this.ended = new boolean[channels];
        this.output = output;
        Arrays.fill(watermarks, Long.MIN_VALUE);
        Arrays.fill(aligned, true);
        for (int i = 0; i < channels; i++) {
            ended[i] = !connected[i];
        }
    }

    /**
     * A watermark arrived on a channel; watermarks of idle channels are ignored, except the final
     * one (end of input), which makes the channel active: its end of event time must count.
     */
    void onWatermark(int channel, long watermark) throws Exception {
        if (idle[channel] && watermark == Long.MAX_VALUE) {
            onWatermarkStatus(channel, false);
        }
        if (idle[channel] || watermark <= watermarks[channel]) {
            return;
        }
        watermarks[channel] = watermark;
        if (!aligned[channel] && watermark >= current) {
            aligned[channel] = true;
        }
        advance();
    }

    /** A channel became idle or active. */
    void onWatermarkStatus(int channel, boolean channelIdle) throws Exception {
        if (idle[channel] == channelIdle || ended[channel]) {
            return;
        }
        idle[channel] = channelIdle;
        if (channelIdle) {
            aligned[channel] = false;
            if (allIdle()) {
                long max = Long.MIN_VALUE;
                for (int i = 0; i < watermarks.length; i++) {
                    if (!ended[i]) {
                        max = Math.max(max, watermarks[i]);
                    }
                }
                emitIfAdvanced(max);
                taskIdle = true;
                output.emitWatermarkStatus(true);
            } else {
                advance();
            }
        } else {
            aligned[channel] = watermarks[channel] >= current;
            if (taskIdle) {
                taskIdle = false;
                output.emitWatermarkStatus(false);
            }
        }
    }

    /** A channel ended: it no longer holds the watermark back. */
    void onChannelEnded(int channel) throws Exception {
        ended[channel] = true;
        advance();
    }

    long currentWatermark() {
        return current;
    }

    boolean isIdle() {
        return taskIdle;
    }

    private boolean allIdle() {
        boolean any = false;
        for (int i = 0; i < idle.length; i++) {
            if (!ended[i]) {
                if (!idle[i]) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private void advance() throws Exception {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!ended[i] && !idle[i] && aligned[i]) {
                any = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (any) {
            emitIfAdvanced(min);
        }
    }

    private void emitIfAdvanced(long watermark) throws Exception {
        if (watermark > current) {
            current = watermark;
            output.emitWatermark(watermark);
        }
    }
}
