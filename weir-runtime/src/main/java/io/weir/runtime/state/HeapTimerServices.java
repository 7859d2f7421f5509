package io.weir.runtime.state;

import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.Triggerable;
import io.weir.api.operators.internal.InternalTimerServices;
import io.weir.api.types.TypeSerializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timers of one keyed operator on the heap backend: named {@link HeapInternalTimerService}s,
 * each keeping its timers per key group of the backend's range, so they can be snapshotted and
 * redistributed with the keyed state.
 *
 * <p>Threading: the task's thread only.
 */
public final class HeapTimerServices<K> implements InternalTimerServices<K> {
    private final AbstractKeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTimeService;
    private final Map<String, HeapInternalTimerService<K, ?>> services = new LinkedHashMap<>();
    private long currentWatermark = Long.MIN_VALUE;
    /** BATCH execution: timers fire at the end of each key (see {@link #fireAtEndOfKey}), not by clock or watermark. */
    private boolean keyByKey;
    /** While the timers of a finished key fire: timers registered now are ignored. */
    private boolean quiesced;

    public HeapTimerServices(AbstractKeyedStateBackend<K> backend, ProcessingTimeService processingTimeService) {
        this.backend = backend;
        this.processingTimeService = processingTimeService;
        backend.attachTimerServices(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> InternalTimerService<N> getInternalTimerService(String name, TypeSerializer<N> namespaceSerializer,
            Triggerable<K, N> triggerable) {
        HeapInternalTimerService<K, ?> existing = services.get(name);
        if (existing != null) {
            if (!existing.namespaceSerializer().equals(namespaceSerializer)) {
                throw new IllegalStateException("Timer service '" + name + "' was created with namespace serializer "
                        + existing.namespaceSerializer() + " and is now requested with " + namespaceSerializer
                        + ". Use a different name for timers of another namespace type.");
            }
            if (existing.triggerable() != triggerable) {
                throw new IllegalStateException("Timer service '" + name + "' already fires into "
                        + existing.triggerable() + "; it cannot also fire into " + triggerable + ".");
            }
            return (InternalTimerService<N>) existing;
        }
        HeapInternalTimerService<K, N> service = new HeapInternalTimerService<>(backend, this, processingTimeService,
                namespaceSerializer, triggerable);
        services.put(name, service);
        backend.restoreTimers(name, service);
        return service;
    }

    /**
     * Switches to BATCH execution, before any timer is registered: the operator's input arrives key
     * after key, and {@link #fireAtEndOfKey} fires each key's timers when the key is done.
     * Processing-time timers are not scheduled on the clock; they fire with the key's end too.
     */
    public void fireTimersKeyByKey() {
        keyByKey = true;
    }

    boolean isKeyByKey() {
        return keyByKey;
    }

    /** Whether timers registered now are to be ignored: the finished key's timers are firing. */
    boolean isQuiesced() {
        return quiesced;
    }

    /**
     * The current key's input is complete (BATCH execution): its event time jumps to the end, so
     * every event-time timer of the key fires in timestamp order, then every processing-time timer
     * of it, service by service. Timers registered by those firings are ignored, as in Flink: a
     * timer that re-registers itself would otherwise never let the key end. Only the current key
     * has timers when this is called, since each key's are fired before the next key starts.
     */
    public void fireAtEndOfKey() throws Exception {
        quiesced = true;
        currentWatermark = Long.MAX_VALUE;
        try {
            for (HeapInternalTimerService<K, ?> service : services.values()) {
                service.advanceWatermark(Long.MAX_VALUE);
                service.fireAllProcessingTimeTimers();
            }
        } finally {
            quiesced = false;
            currentWatermark = Long.MIN_VALUE;
        }
    }

    /** The timers of every service as they are now, for a snapshot. */
    List<KeyGroupsWriter.Section> snapshotSections(TypeSerializer<K> keySerializer) {
        List<KeyGroupsWriter.Section> sections = new ArrayList<>();
        for (Map.Entry<String, HeapInternalTimerService<K, ?>> service : services.entrySet()) {
            sections.add(service.getValue().snapshotSection(service.getKey(), keySerializer));
        }
        return sections;
    }

    @Override
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        for (HeapInternalTimerService<K, ?> service : services.values()) {
            service.advanceWatermark(watermark);
        }
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public int numEventTimeTimers() {
        int n = 0;
        for (HeapInternalTimerService<K, ?> service : services.values()) {
            n += service.numEventTimeTimers();
        }
        return n;
    }

    @Override
    public int numProcessingTimeTimers() {
        int n = 0;
        for (HeapInternalTimerService<K, ?> service : services.values()) {
            n += service.numProcessingTimeTimers();
        }
        return n;
    }
}
