package io.weir.api.functions.sink;

import io.weir.api.connector.sink.PrintSink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.TaskInfo;

/**
 * Prints each element's {@code toString()} to standard out (or standard error), with the same line
 * prefixes as {@link PrintSink}: the subtask number when there is more than one subtask, after the
 * sink identifier if one is given ({@code counts:2> (hello,1)}).
 */
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {
    private static final long serialVersionUID = 1L;

    private final PrintSink<IN> printSink;
    private transient SinkWriter<IN> writer;

    public PrintSinkFunction() {
        this("", false);
    }

    public PrintSinkFunction(boolean stdErr) {
        this("", stdErr);
    }

    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this.printSink = new PrintSink<>(sinkIdentifier, stdErr);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        writer = printSink.createWriter(new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return getRuntimeContext().getTaskInfo();
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return getRuntimeContext().getUserCodeClassLoader();
            }
        });
    }

    @Override
    public void invoke(IN value, Context context) throws Exception {
        writer.write(value, null);
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
