package io.weir.connector.mqtt;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records everything a job writes, across restarts, in a list per name in this JVM (the MiniCluster
 * runs in the test's JVM), so a test can watch an unbounded job's output while it runs.
 */
final class CollectingSink implements Sink<String> {
    private static final Map<String, List<String>> OUTPUTS = new ConcurrentHashMap<>();

    private final String name;

    CollectingSink(String name) {
        this.name = name;
        OUTPUTS.put(name, new ArrayList<>());
    }

    /** What the sink named {@code name} has written so far, in order of arrival. */
    static List<String> written(String name) {
        List<String> output = OUTPUTS.get(name);
        synchronized (output) {
            return new ArrayList<>(output);
        }
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        List<String> output = OUTPUTS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(String element, Context context) {
                synchronized (output) {
                    output.add(element);
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
