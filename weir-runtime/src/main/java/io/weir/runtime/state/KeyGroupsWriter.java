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
 * <p>A heap state's section reads its table's maps as they were at the snapshot (copy on write, see
 * {@link StateTable}), so the bytes can be written on another thread than the task's; each section
 * is told when a key group is written ({@link Section#release}), so that the table stops copying it.
 * Timers are written into bytes at the snapshot itself ({@link #writtenNow}).
 */
public final class KeyGroupsWriter {
    private KeyGroupsWriter() {}

    /** One state's or timer service's part of the snapshot. */
    public interface Section {
        SectionHeader header();

        /** Writes this section's entries of {@code keyGroup}; returns {@code false} (having written nothing) if it has none. */
        boolean write(int keyGroup, DataOutputSerializer out) throws IOException;

        /** {@code keyGroup} is written: the section will not read it again. */
        default void release(int keyGroup) {}

        /** The section will not be read any more (written, failed or given up). */
        default void releaseAll() {}
    }

    /**
     * Writes the key groups of {@code range} and releases the sections, also when writing fails.
     * Runs on any thread: the sections read only what they captured at the snapshot.
     */
    static Map<Integer, byte[]> writeAndRelease(KeyGroupRange range, List<Section> sections) throws IOException {
        try {
            return write(range, sections);
        } finally {
            for (Section section : sections) {
                section.releaseAll();
            }
        }
    }

    /** {@code section}'s bytes of every key group of {@code range}, written now, as a section to write them later. */
    static Section writtenNow(KeyGroupRange range, Section section) throws IOException {
        Map<Integer, byte[]> bytes = new HashMap<>();
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (int keyGroup = range.start(); keyGroup <= range.end(); keyGroup++) {
            out.clear();
            if (section.write(keyGroup, out)) {
                bytes.put(keyGroup, out.getCopyOfBuffer());
            }
        }
        SectionHeader header = section.header();
        return new Section() {
            @Override
            public SectionHeader header() {
                return header;
            }

            @Override
            public boolean write(int keyGroup, DataOutputSerializer target) throws IOException {
                byte[] written = bytes.get(keyGroup);
                if (written == null) {
                    return false;
                }
                target.write(written);
                return true;
            }
        };
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
                section.release(keyGroup);
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
