package io.weir.connector.file.table;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.types.Row;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.sql.connectors.FullCacheLoader;
import io.weir.sql.connectors.LookupFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads a whole {@code filesystem} table, every visible file under its path (hidden {@code .} and
 * {@code _} files skipped, partition directories descended), for a lookup join: Flink's filesystem
 * lookup source keeps the table in memory and reads it again after {@code lookup.join.cache.ttl}.
 * It is the loader of that {@link io.weir.sql.connectors.FullLookupCache}, and, as the lookup
 * function, finds a key's rows by reading the table (the cache answers every lookup, so the
 * function is there for a provider without one).
 */
final class FileTableLoader extends LookupFunction implements FullCacheLoader {
    private static final long serialVersionUID = 1L;

    private final Path root;
    private final StreamFormat<Row> format;
    private final String table;
    private final int[] keyColumns;

    /** @param keyColumns the lookup key's columns, as indices into the rows {@code format} reads */
    FileTableLoader(Path root, StreamFormat<Row> format, String table, int[] keyColumns) {
        this.root = root;
        this.format = format;
        this.table = table;
        this.keyColumns = keyColumns.clone();
    }

    @Override
    public Collection<Row> loadAll() throws IOException {
        List<Row> rows = new ArrayList<>();
        FileSystem fs = FileSystem.get(root.toUri());
        if (!fs.exists(root)) {
            throw new IOException("The lookup table " + table + " has no files: its 'path' " + root + " does not exist");
        }
        read(fs, fs.getFileStatus(root), rows);
        return rows;
    }

    private void read(FileSystem fs, FileStatus status, List<Row> rows) throws IOException {
        if (status.isDir()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                String name = child.getPath().getName();
                if (!name.startsWith(".") && !name.startsWith("_")) {
                    read(fs, child, rows);
                }
            }
            return;
        }
        try (FSDataInputStream in = fs.open(status.getPath());
                StreamFormat.Reader<Row> reader = format.forFile(status.getPath())
                        .createReader(new Configuration(), in, status.getLen(), status.getLen())) {
            for (Row row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IOException("Reading " + status.getPath() + " of the lookup table " + table + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The rows whose key columns equal {@code key}'s fields, found by reading the whole table. */
    @Override
    public Collection<Row> lookup(Row key) throws IOException {
        List<Row> found = new ArrayList<>();
        for (Row row : loadAll()) {
            boolean equal = true;
            for (int i = 0; i < keyColumns.length && equal; i++) {
                equal = java.util.Objects.equals(row.getField(keyColumns[i]), key.getField(i));
            }
            if (equal) {
                found.add(row);
            }
        }
        return found;
    }
}
