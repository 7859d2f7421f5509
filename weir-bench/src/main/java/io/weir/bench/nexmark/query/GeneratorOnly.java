package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkSource;

/**
 * The ceiling: the source generates every event and drops it inside the source task, so the job
 * costs the generator plus the source's reading loop and nothing else. It has no result rows.
 */
public final class GeneratorOnly extends NexmarkQuery<Event> {
    private static final long serialVersionUID = 1L;

    public GeneratorOnly() {
        super("generator-only", "generate every event and drop it in the source task");
    }

    @Override
    public NexmarkSource source(NexmarkConfig config, long events) {
        return NexmarkSource.generateAndDrop(config, events);
    }

    @Override
    public DataStream<Event> build(DataStream<Event> events) {
        return events;
    }

    @Override
    public String canonicalRow(Event event) {
        throw new UnsupportedOperationException("generator-only emits no events");
    }
}
