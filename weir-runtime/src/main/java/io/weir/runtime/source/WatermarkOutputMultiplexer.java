package io.weir.runtime.source;

import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the watermarks of several outputs (one per source split) into one: the minimum over
 * the outputs that are not idle; when all are idle, the highest watermark over all of them, then
 * idle. Updates can be deferred while many outputs
 * emit at once (a periodic emit over all splits), so the combined watermark is computed once.
 *
 * <p>Threading: the task's thread only.
 */
final class WatermarkOutputMultiplexer {
    private final WatermarkOutput underlying;
    private final Map<String, Channel> byId = new HashMap<>();
    private final List<Channel> channels = new ArrayList<>();
    private boolean deferring;
    private boolean changed;

    WatermarkOutputMultiplexer(WatermarkOutput underlying) {
        this.underlying = underlying;
    }

    /** The output with this id, created on first call. */
    WatermarkOutput register(String id) {
        return byId.computeIfAbsent(id, k -> {
            Channel channel = new Channel();
            channels.add(channel);
            return channel;
        });
    }

    /** The output no longer counts (its split is finished). */
    void unregister(String id) {
        Channel channel = byId.remove(id);
        if (channel != null) {
            channels.remove(channel);
            update();
        }
    }

    /** Computes the combined watermark only once, at {@link #endDeferring()}. */
    void startDeferring() {
        deferring = true;
    }

    void endDeferring() {
        deferring = false;
        if (changed) {
            update();
        }
    }

    private void update() {
        if (deferring) {
            changed = true;
            return;
        }
        changed = false;
        if (channels.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean anyActive = false;
        for (Channel channel : channels) {
            max = Math.max(max, channel.watermark);
            if (!channel.idle) {
                anyActive = true;
                min = Math.min(min, channel.watermark);
            }
        }
        if (!anyActive) {
            // the progress each output made before it went idle is final: pass the highest on,
            // or a split held back by another that went idle at the same time would never count
            if (max > Long.MIN_VALUE) {
                underlying.emitWatermark(new Watermark(max));
            }
            underlying.markIdle();
        } else if (min > Long.MIN_VALUE) {
            underlying.emitWatermark(new Watermark(min));
        } else {
            underlying.markActive();
        }
    }

    private final class Channel implements WatermarkOutput {
        private long watermark = Long.MIN_VALUE;
        private boolean idle;

        @Override
        public void emitWatermark(Watermark w) {
            boolean advanced = w.getTimestamp() > watermark;
            if (advanced) {
                watermark = w.getTimestamp();
            }
            if (advanced || idle) {
                idle = false;
                update();
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                update();
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                update();
            }
        }
    }
}
