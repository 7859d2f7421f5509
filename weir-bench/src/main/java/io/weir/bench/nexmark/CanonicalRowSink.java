package io.weir.bench.nexmark;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.bench.nexmark.query.NexmarkQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes each result of a query in its canonical row form, one line per result, into
 * {@code partsDir/part-<subtask>.txt}; {@link CanonicalResult} then merges the parts.
 */
final class CanonicalRowSink<R> implements Sink<R> {
    private static final long serialVersionUID = 1L;

    private final NexmarkQuery<R> query;
    private final String partsDir;

    CanonicalRowSink(NexmarkQuery<R> query, Path partsDir) {
        this.query = query;
        this.partsDir = partsDir.toString();
    }

    @Override
    public SinkWriter<R> createWriter(WriterInitContext context) throws IOException {
        Path dir = Paths.get(partsDir);
        Files.createDirectories(dir);
        Path part = dir.resolve("part-" + context.getTaskInfo().getIndexOfThisSubtask() + ".txt");
        BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
        return new SinkWriter<>() {
            @Override
            public void write(R result, Context ctx) throws IOException {
                out.write(query.canonicalRow(result));
                out.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
