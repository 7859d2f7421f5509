package io.weir.runtime.state;

import io.weir.api.types.DataInputDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the keyed part of a snapshot holds, read from the section headers of its key groups without
 * deserializing any value: each state's (and timer service's) name, kind, type, serializers, how many
 * key groups hold it and how many bytes it takes. For {@code bin/weir savepoint inspect}.
 */
public final class KeyedStateSummary {
    private KeyedStateSummary() {}

    /**
     * One state or timer service.
     *
     * @param kind {@code VALUE}, {@code LIST}, {@code MAP}, {@code REDUCING}, {@code AGGREGATING}, or {@code TIMERS}
     * @param type the stored type as the user declared it
     */
    public record Entry(String name, String kind, boolean ttl, String type, String serializers, int keyGroups,
            long bytes) {
        Entry plus(int bytes) {
            return new Entry(name, kind, ttl, type, serializers, keyGroups + 1, this.bytes + bytes);
        }
    }

    /** Summarizes the keyed state of one or more subtasks: key group → its serialized sections. */
    public static List<Entry> of(Map<Integer, byte[]> keyGroups) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<Integer, byte[]> group : new TreeMap<>(keyGroups).entrySet()) {
            DataInputDeserializer in = new DataInputDeserializer(group.getValue());
            int version = in.readInt();
            if (version != RestoredKeyGroups.FORMAT_VERSION) {
                throw new IOException("key group " + group.getKey() + " has state format version " + version
                        + "; this Weir reads version " + RestoredKeyGroups.FORMAT_VERSION);
            }
            for (int sections = in.readInt(); sections > 0; sections--) {
                SectionHeader header = SectionHeader.read(in);
                int length = in.readInt();
                in.skipBytesToRead(length);
                String key = (header.isTimers() ? "timers:" : "state:") + header.name();
                entries.merge(key, new Entry(header.name(), header.kind(), header.ttl(), header.type(),
                        header.serializers(), 1, length), (known, next) -> known.plus(length));
            }
        }
        return new ArrayList<>(entries.values());
    }
}
