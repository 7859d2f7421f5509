package io.weir.runtime.state;

import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.Triggerable;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.List;

/**
 * One named timer service of a keyed operator, on the heap: an event-time and a processing-time
 * {@link TimerQueue}, scoped to the backend's current key.
 *
 * <p>Processing time: only the earliest processing-time timer has a callback registered with the
 * {@link ProcessingTimeService}; when it runs, every timer due by the current processing time fires
 * and the callback for the next one is registered. A callback that finds nothing due (its timer was deleted) does nothing.
 *
 * <p>Threading: the task's thread only; callbacks arrive through the task's mailbox.
 */
final class HeapInternalTimerService<K, N> implements InternalTimerService<N> {
    private final AbstractKeyedStateBackend<K> backend;
    private final HeapTimerServices<K> services;
    private final ProcessingTimeService processingTimeService;
    private final TypeSerializer<N> namespaceSerializer;
    private final Triggerable<K, N> triggerable;
    private final TimerQueue<K, N> eventTimeTimers;
    private final TimerQueue<K, N> processingTimeTimers;
    /** Time of the earliest registered processing-time callback, {@code Long.MAX_VALUE} if none. */
    private long nextProcessingCallback = Long.MAX_VALUE;

    HeapInternalTimerService(AbstractKeyedStateBackend<K> backend, HeapTimerServices<K> services,
            ProcessingTimeService processingTimeService, TypeSerializer<N> namespaceSerializer,
            Triggerable<K, N> triggerable) {
        this.backend = backend;
        this.services = services;
        this.processingTimeService = processingTimeService;
        this.namespaceSerializer = namespaceSerializer;
        this.triggerable = triggerable;
        this.eventTimeTimers = new TimerQueue<>(backend.getKeyGroupRange());
        this.processingTimeTimers = new TimerQueue<>(backend.getKeyGroupRange());
    }

    TypeSerializer<N> namespaceSerializer() {
        return namespaceSerializer;
    }

    Triggerable<K, N> triggerable() {
        return triggerable;
    }

    @Override
    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return services.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        if (services.isQuiesced()) {
            return;
        }
        processingTimeTimers.add(time, backend.getCurrentKey(), namespace, backend.currentKeyGroup());
        if (time < nextProcessingCallback && !services.isKeyByKey()) {
            nextProcessingCallback = time;
            processingTimeService.registerTimer(time, this::onProcessingTime);
        }
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimeTimers.remove(time, backend.getCurrentKey(), namespace, backend.currentKeyGroup());
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        if (services.isQuiesced()) {
            return;
        }
        eventTimeTimers.add(time, backend.getCurrentKey(), namespace, backend.currentKeyGroup());
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimeTimers.remove(time, backend.getCurrentKey(), namespace, backend.currentKeyGroup());
    }

    /** Fires the event-time timers at or before {@code watermark}, in timestamp order. */
    void advanceWatermark(long watermark) throws Exception {
        TimerEntry<K, N> timer;
        while ((timer = eventTimeTimers.peek()) != null && timer.getTimestamp() <= watermark) {
            eventTimeTimers.poll();
            backend.setCurrentKey(timer.getKey());
            triggerable.onEventTime(timer);
        }
    }

    /** Fires every processing-time timer, in timestamp order (BATCH execution, at the end of a key). */
    void fireAllProcessingTimeTimers() throws Exception {
        TimerEntry<K, N> timer;
        while ((timer = processingTimeTimers.poll()) != null) {
            backend.setCurrentKey(timer.getKey());
            triggerable.onProcessingTime(timer);
        }
    }

    /**
     * The callback registered for {@code time}: fires every timer due by now, not only those due by
     * {@code time}. A callback runs after its time, later still when the task was busy, and timers
     * registered in the past or restored overdue are due at once; firing them all in this turn of
     * the mailbox costs one callback instead of one callback (a scheduler task, a mail and a wake-up
     * of the task) per timestamp, and they still fire in timestamp order.
     */
    private void onProcessingTime(long time) throws Exception {
        if (time == nextProcessingCallback) {
            nextProcessingCallback = Long.MAX_VALUE;
        }
        long due = Math.max(time, processingTimeService.getCurrentProcessingTime());
        TimerEntry<K, N> timer;
        while ((timer = processingTimeTimers.peek()) != null && timer.getTimestamp() <= due) {
            processingTimeTimers.poll();
            backend.setCurrentKey(timer.getKey());
            triggerable.onProcessingTime(timer);
        }
        if (timer != null && timer.getTimestamp() < nextProcessingCallback) {
            nextProcessingCallback = timer.getTimestamp();
            processingTimeService.registerTimer(timer.getTimestamp(), this::onProcessingTime);
        }
    }

    /** The timers as they are now, for a snapshot. */
    KeyGroupsWriter.Section snapshotSection(String name, TypeSerializer<K> keySerializer) {
        return new TimerServiceSection<>(name, keySerializer, namespaceSerializer, eventTimeTimers, processingTimeTimers);
    }

    /**
     * Adds the restored timers in their firing order and schedules the earliest processing-time
     * one; processing-time timers already due fire on the task's next turn of the mailbox.
     */
    void restore(RestoredKeyGroups.Restored restored, TypeSerializer<K> keySerializer, String operatorName)
            throws IOException {
        SectionHeader now = TimerServiceSection.header(restored.header().name(), keySerializer, namespaceSerializer);
        if (restored.header().serializerSnapshots().length > 0 && now.serializerSnapshots().length > 0) {
            StoredSchema.valueReaders(operatorName, restored.header(), now,
                    SectionHeader.parts(keySerializer, namespaceSerializer, new TypeSerializer<?>[0]));
        } else if (!now.serializers().equals(restored.header().serializers())) {
            throw new IllegalStateException("Timer service '" + restored.header().name() + "' of operator '"
                    + operatorName + "' cannot be restored: its timers were checkpointed with serializers ("
                    + restored.header().serializers() + ") and it is now created with (" + now.serializers() + ").");
        }
        List<List<TimerServiceSection.RestoredTimer<K, N>>> timers =
                TimerServiceSection.read(restored, keySerializer, namespaceSerializer);
        for (TimerServiceSection.RestoredTimer<K, N> t : timers.get(0)) {
            eventTimeTimers.add(t.timestamp(), t.key(), t.namespace(), t.keyGroup());
        }
        for (TimerServiceSection.RestoredTimer<K, N> t : timers.get(1)) {
            processingTimeTimers.add(t.timestamp(), t.key(), t.namespace(), t.keyGroup());
        }
        TimerEntry<K, N> first = processingTimeTimers.peek();
        if (first != null && first.getTimestamp() < nextProcessingCallback) {
            nextProcessingCallback = first.getTimestamp();
            processingTimeService.registerTimer(first.getTimestamp(), this::onProcessingTime);
        }
    }

    int numEventTimeTimers() {
        return eventTimeTimers.size();
    }

    int numProcessingTimeTimers() {
        return processingTimeTimers.size();
    }
}
