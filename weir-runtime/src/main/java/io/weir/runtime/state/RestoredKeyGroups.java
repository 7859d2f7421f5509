package io.weir.runtime.state;

import io.weir.api.types.DataInputDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Restored keyed state not registered again yet: per state (and per timer service) its header and
 * its serialized part of each key group. A backend turns a state's sections back into objects when
 * the operator registers the state, with the serializers of the descriptor it registers; until
 * then, and for states never registered again, the sections are carried into later snapshots as
 * they are, so no restored state is lost.
 *
 * <p>Threading: the task's thread only.
 */
public final class RestoredKeyGroups {
    /** One state's or timer service's header and its sections by key group, in key group order. */
    public record Restored(SectionHeader header, TreeMap<Integer, byte[]> sections) {}

    static final int FORMAT_VERSION = 2;

    private final Map<String, Restored> states = new LinkedHashMap<>();
    private final Map<String, Restored> timers = new LinkedHashMap<>();

    /**
     * Splits the key groups of {@code range} out of {@code keyGroups} (which may hold other groups
     * too, after a rescale) into sections by state.
     */
    static RestoredKeyGroups parse(Map<Integer, byte[]> keyGroups, KeyGroupRange range, String operatorName) {
        RestoredKeyGroups restored = new RestoredKeyGroups();
        for (Map.Entry<Integer, byte[]> group : new TreeMap<>(keyGroups).entrySet()) {
            if (range.contains(group.getKey())) {
                try {
                    restored.addGroup(group.getKey(), group.getValue(), operatorName);
                } catch (IOException e) {
                    throw new UncheckedIOException("The checkpointed state of key group " + group.getKey()
                            + " of operator '" + operatorName + "' is unreadable: " + e.getMessage(), e);
                }
            }
        }
        return restored;
    }

    private void addGroup(int keyGroup, byte[] bytes, String operatorName) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("format version " + version + ", this Weir reads version " + FORMAT_VERSION
                    + " (operator '" + operatorName + "')");
        }
        int sections = in.readInt();
        for (int i = 0; i < sections; i++) {
            SectionHeader header = SectionHeader.read(in);
            byte[] section = new byte[in.readInt()];
            in.readFully(section);
            Map<String, Restored> byName = header.isTimers() ? timers : states;
            byName.computeIfAbsent(header.name(), n -> new Restored(header, new TreeMap<>())).sections().put(keyGroup,
                    section);
        }
    }

    /** Removes and returns the restored state with this name, or {@code null}. */
    Restored takeState(String name) {
        return states.remove(name);
    }

    /** Removes and returns the restored timer service with this name, or {@code null}. */
    Restored takeTimers(String name) {
        return timers.remove(name);
    }

    /** The restored states and timer services not registered again, to be written into snapshots as they are. */
    Map<String, Restored> unclaimed() {
        Map<String, Restored> all = new HashMap<>(states);
        for (Map.Entry<String, Restored> e : timers.entrySet()) {
            all.put("timers:" + e.getKey(), e.getValue());
        }
        return all;
    }

    boolean isEmpty() {
        return states.isEmpty() && timers.isEmpty();
    }
}
