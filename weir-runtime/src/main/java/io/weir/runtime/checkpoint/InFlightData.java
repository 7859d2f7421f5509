package io.weir.runtime.checkpoint;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The records an unaligned checkpoint keeps because they were between tasks when it was taken, as the
 * serialized elements they travelled as (whole elements; never barriers).
 *
 * <p>A task records two kinds: on its inputs, what it read on a channel after its snapshot and before
 * that channel's barrier ({@code inputs}, by channel index); on its outputs, what its barrier
 * overtook in a consumer's queue ({@code outputs}, by the consumer's channel). A restored task reads,
 * per channel, its own recorded input first and then what its producer recorded for it, before
 * anything new.
 *
 * @param inputs channel index of this task → recorded elements, oldest first
 * @param outputs consumer channel → the elements this task's barrier overtook there, oldest first
 */
public record InFlightData(Map<Integer, List<byte[]>> inputs, Map<Channel, List<byte[]>> outputs)
        implements Serializable {

    public static final InFlightData NONE = new InFlightData(Map.of(), Map.of());

    /**
     * One input channel of a consumer task, named by what survives a new run of the same program: the
     * consumer's head operator id (stable), its subtask and the channel index there.
     */
    public record Channel(String consumerOperatorId, int consumerSubtask, int channel) implements Serializable {}

    public InFlightData {
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
    }

    public boolean isEmpty() {
        return inputs.isEmpty() && outputs.isEmpty();
    }

    public long size() {
        long size = 0;
        for (List<byte[]> parts : inputs.values()) {
            for (byte[] part : parts) {
                size += part.length;
            }
        }
        for (List<byte[]> parts : outputs.values()) {
            for (byte[] part : parts) {
                size += part.length;
            }
        }
        return size;
    }
}
