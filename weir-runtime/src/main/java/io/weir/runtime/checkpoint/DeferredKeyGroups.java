package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Key group → snapshot bytes of a heap backend's snapshot, written when first read rather than when
 * the snapshot is taken: the task's thread only captures the state tables (copy on write), and the
 * checkpoint I/O thread, which reads the map to persist it, pays for the serialization. Reading it
 * from any thread gives the same bytes: what the state was at the snapshot.
 *
 * <p>Serializes as a plain map of the written bytes.
 *
 * <p>Threading: safe for use from any thread; the first reader writes the bytes, others wait for it.
 */
public final class DeferredKeyGroups extends AbstractMap<Integer, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Writes the bytes of every key group that has state; called at most once. */
    @FunctionalInterface
    public interface Writer {
        Map<Integer, byte[]> write() throws IOException;
    }

    private transient Writer writer;
    private transient Map<Integer, byte[]> written;
    private transient UncheckedIOException failure;

    public DeferredKeyGroups(Writer writer) {
        this.writer = writer;
    }

    private synchronized Map<Integer, byte[]> written() {
        if (written == null && failure == null) {
            try {
                written = Map.copyOf(writer.write());
            } catch (IOException e) {
                failure = new UncheckedIOException("Writing the keyed state of a snapshot failed: " + e.getMessage(), e);
            } finally {
                writer = null;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    @Override
    public Set<Entry<Integer, byte[]>> entrySet() {
        return written().entrySet();
    }

    @Override
    public byte[] get(Object keyGroup) {
        return written().get(keyGroup);
    }

    @Override
    public boolean containsKey(Object keyGroup) {
        return written().containsKey(keyGroup);
    }

    @Override
    public int size() {
        return written().size();
    }

    private Object writeReplace() {
        return new HashMap<>(written());
    }
}
