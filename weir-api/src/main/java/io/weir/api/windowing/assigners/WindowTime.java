package io.weir.api.windowing.assigners;

import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

/**
 * The time by which a time-window assigner places elements: the element's timestamp or the clock of
 * the machine. It is all that the event-time and processing-time twin of each assigner (tumbling,
 * sliding, sessions, dynamic sessions) differ in, so the twins share their logic and each names
 * its time once.
 */
enum WindowTime {
    EVENT_TIME {
        @Override
        long of(long timestamp, WindowAssigner.WindowAssignerContext context, WindowAssigner<?, ?> assigner) {
            if (timestamp == Long.MIN_VALUE) {
                throw new IllegalStateException(assigner.getClass().getSimpleName() + " got a record without"
                        + " timestamp. Event-time windows need timestamps: give the source a WatermarkStrategy with a"
                        + " timestamp assigner (or call assignTimestampsAndWatermarks before the window), or use a"
                        + " processing-time assigner.");
            }
            return timestamp;
        }

        @Override
        Trigger<Object, TimeWindow> defaultTrigger() {
            return EventTimeTrigger.create();
        }
    },
    PROCESSING_TIME {
        @Override
        long of(long timestamp, WindowAssigner.WindowAssignerContext context, WindowAssigner<?, ?> assigner) {
            return context.getCurrentProcessingTime();
        }

        @Override
        Trigger<Object, TimeWindow> defaultTrigger() {
            return ProcessingTimeTrigger.create();
        }
    };

    /** The time of an element with {@code timestamp} arriving now at {@code assigner}. */
    abstract long of(long timestamp, WindowAssigner.WindowAssignerContext context, WindowAssigner<?, ?> assigner);

    /** The trigger that fires a window when this time passes its end. */
    abstract Trigger<Object, TimeWindow> defaultTrigger();

    boolean isEventTime() {
        return this == EVENT_TIME;
    }
}
