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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes each result of a query in its canonical row form, one line per result, into
 * {@code partsDir/part-<subtask>.txt}; {@link CanonicalResult} then merges the parts. For a query
 * with an {@link NexmarkQuery#upsertKey upsert key} it keeps only the last result per key and
 * writes those at the end: the final result. (A key's results all come to one subtask, in order,
 * because the query computes them keyed by it.)
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
        Map<Object, String> lastPerKey = new LinkedHashMap<>();
        return new SinkWriter<>() {
            @Override
            public void write(R result, Context ctx) throws IOException {
                Object key = query.upsertKey(result);
                if (key != null) {
                    lastPerKey.put(key, query.canonicalRow(result));
                    return;
                }
                out.write(query.canonicalRow(result));
                out.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                if (endOfInput) {
                    for (String row : lastPerKey.values()) {
                        out.write(row);
                        out.write('\n');
                    }
                    lastPerKey.clear();
                }
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
