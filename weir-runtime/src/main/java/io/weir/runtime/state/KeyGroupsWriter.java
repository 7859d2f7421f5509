package io.weir.runtime.state;

import io.weir.api.types.DataOutputSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the keyed state and timers of a heap backend into one byte array per key group, the unit
 * in which a restore at another parallelism hands state out.
 *
 * <p>A key group's bytes: the format version ({@link RestoredKeyGroups#FORMAT_VERSION}), the number
 * of sections, then per section its {@link SectionHeader}, its length and its bytes. Groups without
 * any state are left out, and so is a state's section in a group where it has no entries.
 *
 * <p>The bytes are written synchronously, so they are a consistent copy however the state changes
 * afterwards. That costs the serialization of all state on the task's thread per checkpoint (see
 * {@code KeyedStateSnapshotBenchmark}); a copy-on-write table that is serialized off the task's
 * thread is the later optimization.
 */
public final class KeyGroupsWriter {
    private KeyGroupsWriter() {}

    /** One state's or timer service's part of the snapshot. */
    public interface Section {
        SectionHeader header();

        /** Writes this section's entries of {@code keyGroup}; returns {@code false} (having written nothing) if it has none. */
        boolean write(int keyGroup, DataOutputSerializer out) throws IOException;
    }

    static Map<Integer, byte[]> write(KeyGroupRange range, List<Section> sections) throws IOException {
        Map<Integer, byte[]> groups = new HashMap<>();
        if (sections.isEmpty()) {
            return groups;
        }
        DataOutputSerializer out = new DataOutputSerializer(4096);
        for (int keyGroup = range.start(); keyGroup <= range.end(); keyGroup++) {
            out.clear();
            out.writeInt(RestoredKeyGroups.FORMAT_VERSION);
            out.writeInt(0); // the number of sections, patched below
            int written = 0;
            for (Section section : sections) {
                int start = out.length();
                section.header().write(out);
                int lengthField = out.length();
                out.writeInt(0);
                if (section.write(keyGroup, out)) {
                    int end = out.length();
                    out.setPosition(lengthField);
                    out.writeInt(end - lengthField - 4);
                    out.setPosition(end);
                    written++;
                } else {
                    out.setPosition(start);
                }
            }
            if (written > 0) {
                int end = out.length();
                out.setPosition(4);
                out.writeInt(written);
                out.setPosition(end);
                groups.put(keyGroup, out.getCopyOfBuffer());
            }
        }
        return groups;
    }

    /** A restored section not registered again: written back as it was read. */
    static Section unclaimed(RestoredKeyGroups.Restored restored) {
        return new Section() {
            @Override
            public SectionHeader header() {
                return restored.header();
            }

            @Override
            public boolean write(int keyGroup, DataOutputSerializer out) throws IOException {
                byte[] bytes = restored.sections().get(keyGroup);
                if (bytes == null) {
                    return false;
                }
                out.write(bytes);
                return true;
            }
        };
    }
}
