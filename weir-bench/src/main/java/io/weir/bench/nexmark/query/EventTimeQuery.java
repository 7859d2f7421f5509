package io.weir.bench.nexmark.query;

import io.weir.api.eventtime.SerializableTimestampAssigner;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.bench.nexmark.Event;
import java.time.Duration;

/**
 * A query on event time: events are stamped with their {@code dateTime} and watermarks trail the
 * largest time seen by 4 seconds, as the Nexmark source table declares
 * ({@code WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND}).
 */
abstract class EventTimeQuery<R> extends NexmarkQuery<R> {
    private static final long serialVersionUID = 1L;

    /** How far the watermark trails the largest event time seen. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(4);

    EventTimeQuery(String name, String description) {
        super(name, description);
    }

    @Override
    public final WatermarkStrategy<Event> watermarkStrategy() {
        return WatermarkStrategy.<Event>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner(new EventTime());
    }

    /** An event's time is its {@code dateTime}. */
    static final class EventTime implements SerializableTimestampAssigner<Event> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(Event event, long recordTimestamp) {
            return event.dateTime();
        }
    }
}
