package io.weir.runtime.task;

import java.util.Arrays;

/**
 * The watermark of a task with several input channels: the minimum over the channels that have
 * not ended. Reports a new watermark only when that minimum advances.
 */
final class WatermarkValve {
    private final long[] channelWatermarks;
    private final boolean[] ended;
    private long current = Long.MIN_VALUE;

    WatermarkValve(int channels) {
        this.channelWatermarks = new long[channels];
        this.ended = new boolean[channels];
        Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    }

    /** Returns the new task watermark, or {@code Long.MIN_VALUE} if it did not advance. */
    long onWatermark(int channel, long watermark) {
        if (watermark > channelWatermarks[channel]) {
            channelWatermarks[channel] = watermark;
            return advance();
        }
        return Long.MIN_VALUE;
    }

    /** A channel ended: it no longer holds the watermark back. */
    long onChannelEnded(int channel) {
        ended[channel] = true;
        return advance();
    }

    private long advance() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < channelWatermarks.length; i++) {
            if (!ended[i]) {
                any = true;
                min = Math.min(min, channelWatermarks[i]);
            }
        }
        if (any && min > current) {
            current = min;
            return min;
        }
        return Long.MIN_VALUE;
    }
}
