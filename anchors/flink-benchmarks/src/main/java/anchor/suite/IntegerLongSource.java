package anchor.suite;

import org.apache.flink.streaming.api.functions.source.legacy.RichParallelSourceFunction;

/**
 * The source of the window benchmarks (Weir's {@code IntegerLongSource}): {@code count} records whose
 * key cycles over {@code keys} values and whose value and event time are the record's index (one
 * millisecond apart); no watermarks, so the windows fire at the end of the input.
 */
public final class IntegerLongSource extends RichParallelSourceFunction<IntegerLongSource.Record> {
    private static final long serialVersionUID = 1L;
    private final int keys;
    private final long count;
    private volatile boolean running = true;

    public IntegerLongSource(int keys, long count) {
        this.keys = keys;
        this.count = count;
    }

    @Override
    public void run(SourceContext<Record> ctx) {
        for (long i = 0; running && i < count; i++) {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collectWithTimestamp(new Record((int) (i % keys), i), i);
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }

    /** A key and a value; a POJO of public final fields (Flink 2.3 serializes it with its PojoSerializer). */
    public static final class Record {
        public final int key;
        public final long value;

        public Record() {
            this(0, 0);
        }

        public Record(int key, long value) {
            this.key = key;
            this.value = value;
        }

        public int getKey() {
            return key;
        }

        @Override
        public String toString() {
            return "(" + key + ", " + value + ")";
        }
    }
}
