package io.weir.bench.nexmark.query;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.tuple.Tuple2;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The combiner of {@link Q5}, before the keyed exchange: this subtask's number of bids per auction
 * in each slice of event time as long as the windows' slide. A slice lies in exactly the same
 * sliding windows as each of its bids, so the window operator after the exchange sums these
 * partial counts into the same totals as it would count the bids, with one record per auction and
 * slice instead of one per bid (the local-global aggregation Flink's SQL planner does for q5).
 *
 * <p>When the watermark reaches a slice's last millisecond no more of its bids can come, so its
 * counts go out, stamped with that millisecond, before the watermark is forwarded: downstream they
 * are not late.
 *
 * <p>Threading: the task's thread only.
 */
final class SliceCounts extends AbstractStreamOperator<Tuple2<Long, Long>>
        implements OneInputStreamOperator<Long, Tuple2<Long, Long>> {
    private static final long serialVersionUID = 1L;

    private final long sliceMs;
    private transient TreeMap<Long, Map<Long, long[]>> slices;
    private transient StreamRecord<Tuple2<Long, Long>> reuse;

    SliceCounts(long sliceMs) {
        this.sliceMs = sliceMs;
    }

    @Override
    public void open() {
        slices = new TreeMap<>();
        reuse = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<Long> record) {
        long time = record.getTimestamp();
        long lastMillisecond = time - Math.floorMod(time, sliceMs) + sliceMs - 1;
        Map<Long, long[]> counts = slices.get(lastMillisecond);
        if (counts == null) {
            counts = new HashMap<>();
            slices.put(lastMillisecond, counts);
        }
        long[] count = counts.get(record.getValue());
        if (count == null) {
            counts.put(record.getValue(), new long[] {1});
        } else {
            count[0]++;
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        Iterator<Map.Entry<Long, Map<Long, long[]>>> due =
                slices.headMap(mark.getTimestamp(), true).entrySet().iterator();
        while (due.hasNext()) {
            Map.Entry<Long, Map<Long, long[]>> slice = due.next();
            long lastMillisecond = slice.getKey();
            for (Map.Entry<Long, long[]> count : slice.getValue().entrySet()) {
                output.collect(reuse.replace(Tuple2.of(count.getKey(), count.getValue()[0]), lastMillisecond));
            }
            due.remove();
        }
        super.processWatermark(mark);
    }
}
