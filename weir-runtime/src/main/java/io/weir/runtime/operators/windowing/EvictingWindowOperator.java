package io.weir.runtime.operators.windowing;

import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.windowing.TimestampedValue;
import io.weir.api.state.ListState;
import io.weir.api.state.StateDescriptor;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WindowOperator} with an {@link Evictor}: keeps every element with its timestamp, and
 * when the window fires lets the evictor remove elements before and after the window function
 * runs. What the evictor leaves stays in the window for later firings (unless the trigger purges).
 * A reduce or aggregate function given with an evictor runs over the remaining elements at each
 * firing instead of incrementally.
 */
public class EvictingWindowOperator<K, IN, OUT, W extends Window>
        extends WindowOperator<K, IN, Iterable<StreamRecord<IN>>, OUT, W> {
    private static final long serialVersionUID = 1L;

    private final Evictor<? super IN, ? super W> evictor;
    private transient Evictor.EvictorContext evictorContext;

    /**
     * The window operator {@code description} describes, which must have an evictor and keep all
     * elements with their timestamps: a list state of {@code StreamRecord}s.
     */
    public EvictingWindowOperator(WindowOperatorDescription<K, IN, OUT, W> description) {
        super(description);
        this.evictor = java.util.Objects.requireNonNull(description.evictor(), "evictor");
    }

    public Evictor<? super IN, ? super W> getEvictor() {
        return evictor;
    }

    @Override
    public void open() throws Exception {
        super.open();
        evictorContext = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timerService.currentProcessingTime();
            }

            @Override
            public long getCurrentWatermark() {
                return timerService.currentWatermark();
            }
        };
    }

    @Override
    void addToContents(StreamRecord<IN> element) throws Exception {
        // The record is kept, not only its value, so that evictors can see timestamps.
        contents().add(element.copy(element.getValue()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fire(K key, W window) throws Exception {
        Iterable<StreamRecord<IN>> records = contents().get();
        if (records == null || !records.iterator().hasNext()) {
            return;
        }
        List<TimestampedValue<IN>> values = new ArrayList<>();
        for (StreamRecord<IN> record : records) {
            values.add(TimestampedValue.from(record));
        }
        Evictor<IN, W> typedEvictor = (Evictor<IN, W>) evictor;
        typedEvictor.evictBefore(values, values.size(), window, evictorContext);
        List<Object> input = new ArrayList<>(values.size());
        for (TimestampedValue<IN> value : values) {
            input.add(value.getValue());
        }
        emitWindowContents(key, window, input);
        typedEvictor.evictAfter(values, values.size(), window, evictorContext);
        List<StreamRecord<IN>> remaining = new ArrayList<>(values.size());
        for (TimestampedValue<IN> value : values) {
            remaining.add(value.getStreamRecord());
        }
        ((ListState) contents()).update(remaining);
    }
}
