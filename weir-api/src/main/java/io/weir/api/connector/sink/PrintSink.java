package io.weir.api.connector.sink;

import java.io.PrintStream;

/**
 * Prints each element's {@code toString()} to standard out (or standard error). With more than one
 * subtask each line starts with the subtask number, e.g. {@code 2> (hello,1)}; a given prefix
 * comes first, e.g. {@code counts:2> (hello,1)}.
 */
public class PrintSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    private final String prefix;
    private final boolean stdErr;

    public PrintSink() {
        this("", false);
    }

    public PrintSink(boolean stdErr) {
        this("", stdErr);
    }

    public PrintSink(String prefix) {
        this(prefix, false);
    }

    public PrintSink(String prefix, boolean stdErr) {
        this.prefix = prefix == null ? "" : prefix;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        int parallelism = context.getTaskInfo().getNumberOfParallelSubtasks();
        String subtask = parallelism > 1 ? String.valueOf(context.getTaskInfo().getIndexOfThisSubtask() + 1) : "";
        String linePrefix;
        if (!prefix.isEmpty() && !subtask.isEmpty()) {
            linePrefix = prefix + ":" + subtask + "> ";
        } else if (!prefix.isEmpty() || !subtask.isEmpty()) {
            linePrefix = prefix + subtask + "> ";
        } else {
            linePrefix = "";
        }
        return new Writer<>(stdErr ? System.err : System.out, linePrefix);
    }

    private static final class Writer<IN> implements SinkWriter<IN> {
        private final PrintStream stream;
        private final String linePrefix;

        Writer(PrintStream stream, String linePrefix) {
            this.stream = stream;
            this.linePrefix = linePrefix;
        }

        @Override
        public void write(IN element, Context context) {
            stream.println(linePrefix + element);
        }

        @Override
        public void flush(boolean endOfInput) {
            stream.flush();
        }

        @Override
        public void close() {
            stream.flush();
        }
    }
}
