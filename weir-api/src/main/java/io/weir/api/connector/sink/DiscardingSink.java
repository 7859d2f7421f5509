package io.weir.api.connector.sink;

/** Drops every element; for benchmarks and jobs run for their side effects. */
public class DiscardingSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(IN element, Context ctx) {}

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
