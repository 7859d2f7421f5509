package io.weir.runtime.state;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The timers of one named timer service in a snapshot. A section holds the event-time timers, then
 * the processing-time timers of one key group: their number, then per timer its timestamp, its rank
 * among the timers of that timestamp (registration order), its key and its namespace. A restore
 * adds the timers back ordered by timestamp and rank, so timers of one timestamp fire in the order
 * they fired before.
 *
 * <p>Threading: the task's thread only.
 */
final class TimerServiceSection<K, N> implements KeyGroupsWriter.Section {
    /** A timer read back from a snapshot. */
    record RestoredTimer<K, N>(long timestamp, int rank, K key, N namespace, int keyGroup) {}

    private static final Comparator<RestoredTimer<?, ?>> FIRING_ORDER =
            Comparator.<RestoredTimer<?, ?>>comparingLong(RestoredTimer::timestamp).thenComparingInt(RestoredTimer::rank);

    private final SectionHeader header;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<N> namespaceSerializer;
    private final Map<Integer, List<Object>> eventTimers = new HashMap<>();
    private final Map<Integer, List<Object>> processingTimers = new HashMap<>();

    /** Takes the timers of both queues, as they are now. */
    TimerServiceSection(String name, TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer,
            TimerQueue<K, N> eventTimeQueue, TimerQueue<K, N> processingTimeQueue) {
        this.header = header(name, keySerializer, namespaceSerializer);
        this.keySerializer = keySerializer;
        this.namespaceSerializer = namespaceSerializer;
        index(eventTimeQueue, eventTimers);
        index(processingTimeQueue, processingTimers);
    }

    static SectionHeader header(String name, TypeSerializer<?> keySerializer, TypeSerializer<?> namespaceSerializer) {
        return SectionHeader.of(name, SectionHeader.TIMERS, false, "timers", keySerializer, namespaceSerializer,
                new TypeSerializer<?>[0], null);
    }

    private static <K, N> void index(TimerQueue<K, N> queue, Map<Integer, List<Object>> byKeyGroup) {
        queue.forEachQueued((timer, rank) -> {
            List<Object> timers = byKeyGroup.computeIfAbsent(timer.keyGroup(), g -> new ArrayList<>());
            timers.add(timer);
            timers.add(rank);
        });
    }

    @Override
    public SectionHeader header() {
        return header;
    }

    @Override
    public boolean write(int keyGroup, DataOutputSerializer out) throws IOException {
        List<Object> event = eventTimers.get(keyGroup);
        List<Object> processing = processingTimers.get(keyGroup);
        if (event == null && processing == null) {
            return false;
        }
        writeTimers(event, out);
        writeTimers(processing, out);
        return true;
    }

    @SuppressWarnings("unchecked")
    private void writeTimers(List<Object> timers, DataOutputSerializer out) throws IOException {
        if (timers == null) {
            out.writeInt(0);
            return;
        }
        out.writeInt(timers.size() / 2);
        for (int i = 0; i < timers.size(); i += 2) {
            TimerEntry<K, N> timer = (TimerEntry<K, N>) timers.get(i);
            out.writeLong(timer.getTimestamp());
            out.writeInt((Integer) timers.get(i + 1));
            keySerializer.serialize(timer.getKey(), out);
            namespaceSerializer.serialize(timer.getNamespace(), out);
        }
    }

    /**
     * Reads the restored timers of a service, in firing order.
     *
     * @return the event-time timers and the processing-time timers
     */
    static <K, N> List<List<RestoredTimer<K, N>>> read(RestoredKeyGroups.Restored restored,
            TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer) throws IOException {
        List<RestoredTimer<K, N>> event = new ArrayList<>();
        List<RestoredTimer<K, N>> processing = new ArrayList<>();
        DataInputDeserializer in = new DataInputDeserializer();
        for (Map.Entry<Integer, byte[]> section : restored.sections().entrySet()) {
            in.setBuffer(section.getValue());
            readTimers(in, section.getKey(), keySerializer, namespaceSerializer, event);
            readTimers(in, section.getKey(), keySerializer, namespaceSerializer, processing);
        }
        event.sort(FIRING_ORDER);
        processing.sort(FIRING_ORDER);
        return List.of(event, processing);
    }

    private static <K, N> void readTimers(DataInputDeserializer in, int keyGroup, TypeSerializer<K> keySerializer,
            TypeSerializer<N> namespaceSerializer, List<RestoredTimer<K, N>> into) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            long timestamp = in.readLong();
            int rank = in.readInt();
            K key = keySerializer.deserialize(in);
            N namespace = namespaceSerializer.deserialize(in);
            into.add(new RestoredTimer<>(timestamp, rank, key, namespace, keyGroup));
        }
    }
}
