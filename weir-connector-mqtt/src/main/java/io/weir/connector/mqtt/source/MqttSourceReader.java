package io.weir.connector.mqtt.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.functions.Collector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Reads the topic filters (splits) assigned to one subtask, one {@link MqttSubscription} each, and
 * emits each message's records.
 *
 * <p>Acknowledgements: a QoS 1 message is acknowledged to the broker only when the checkpoint taken
 * after it was emitted has completed (with {@code acknowledgeOnCheckpoint}, the default), so a
 * failure before that leaves it with the broker, which delivers it again to the restored job's
 * session: at-least-once. Without checkpoints, turn that off: messages are then acknowledged as soon
 * as they are emitted (at-most-once across failures).
 *
 * <p>A message the deserializer cannot read follows the source's {@link BadRecordPolicy}: it fails
 * the job (not acknowledged, so redelivered after the restart), is logged and counted and then
 * acknowledged like any other, or is published to the dead-letter topic before it is acknowledged.
 *
 * <p>Threading: the {@link SourceReader} methods run on the task thread; the subscriptions' threads
 * reach the reader only through the {@link MessageHandover}.
 */
final class MqttSourceReader<T> implements SourceReader<T, MqttTopicSplit> {
    private static final System.Logger LOG = System.getLogger(MqttSourceReader.class.getName());
    private static final int MAX_MESSAGES_PER_POLL = 256;
    private static final long NO_CHECKPOINT_WARNING_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Emits through the reader output; a failure downstream is wrapped so it is not taken for a bad record. */
    private static final class RecordCollector<T> implements Collector<T> {
        ReaderOutput<T> output;

        @Override
        public void collect(T record) {
            try {
                output.collect(record);
            } catch (RuntimeException downstream) {
                throw new DownstreamFailure(downstream);
            }
        }

        @Override
        public void close() {}
    }

    private static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private final MqttSource<T> source;
    private final String readerName;
    private final MessageHandover handover;
    private final Map<String, MqttTopicSplit> splits = new LinkedHashMap<>();
    private final Map<String, MqttSubscription> subscriptions = new LinkedHashMap<>();
    private final TreeMap<Long, List<ArrivedMessage>> acknowledgementsOfCheckpoints = new TreeMap<>();
    private final RecordCollector<T> collector = new RecordCollector<>();
    private List<ArrivedMessage> unacknowledged = new ArrayList<>();
    /**
     * The QoS 1 messages emitted and not acknowledged yet, by session and packet id: a broker may send
     * such a message again (flagged duplicate) while it waits for the acknowledgement, which comes only
     * with the next completed checkpoint; that copy is not emitted twice.
     */
    private final Set<InFlight> inFlight = new HashSet<>();
    private long lastCheckpointNanos = System.nanoTime();
    private boolean warnedAboutCheckpoints;
    private long skipped;

    MqttSourceReader(SourceReaderContext context, MqttSource<T> source) {
        this.source = source;
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.readerName = "MQTT source reader " + (subtask + 1) + "/" + context.currentParallelism();
        this.handover = new MessageHandover(source.handoverCapacity());
    }

    @Override
    public void start() {
        ClassLoader userClassLoader = Thread.currentThread().getContextClassLoader();
        try {
            source.deserializer().open((DeserializationSchema.InitializationContext) () -> userClassLoader);
        } catch (Exception e) {
            throw new IllegalStateException(readerName + ": opening the deserializer " + source.deserializer()
                    + " failed", e);
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (splits.isEmpty()) {
            output.markIdle();
            return InputStatus.NOTHING_AVAILABLE;
        }
        collector.output = output;
        for (int i = 0; i < MAX_MESSAGES_PER_POLL; i++) {
            ArrivedMessage message = handover.poll();
            if (message == null) {
                warnIfNeverCheckpointed();
                return InputStatus.NOTHING_AVAILABLE;
            }
            emit(message);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private record InFlight(MqttSubscription subscription, long session, int id) {
        static InFlight of(ArrivedMessage message) {
            return new InFlight(message.subscription(), message.session(), message.id());
        }
    }

    private void emit(ArrivedMessage message) throws IOException {
        boolean awaitsAcknowledgement = source.acknowledgeOnCheckpoint() && message.qos() > 0;
        if (awaitsAcknowledgement && message.duplicate() && inFlight.contains(InFlight.of(message))) {
            return; // the broker sent it again before our acknowledgement: emitted already
        }
        try {
            source.deserializer().deserialize(message.payload(), collector);
        } catch (DownstreamFailure downstream) {
            throw (RuntimeException) downstream.getCause();
        } catch (Exception e) {
            handleBadRecord(message, e);
        }
        if (awaitsAcknowledgement) {
            unacknowledged.add(message);
            inFlight.add(InFlight.of(message));
        } else if (!source.acknowledgeOnCheckpoint()) {
            message.subscription().acknowledge(message);
        }
    }

    private void handleBadRecord(ArrivedMessage message, Exception e) throws IOException {
        String where = "the message on MQTT topic '" + message.topic() + "' (filter '"
                + message.subscription().filter() + "', QoS " + message.qos() + ", packet id " + message.id() + ")";
        switch (source.badRecordPolicy()) {
            case FAIL -> throw new IOException(readerName + " could not deserialize " + where + " with "
                    + source.deserializer() + ": " + e.getMessage() + ". The job fails rather than skip it; the message"
                    + " is not acknowledged, so with QoS 1 and a persistent session the broker delivers it again."
                    + " Fix the message's producer or the deserializer, or choose the bad-record policy 'skip' or"
                    + " 'dead-letter'.", e);
            case SKIP -> {
                skipped++;
                LOG.log(System.Logger.Level.WARNING, readerName + " skipped " + where + ", which "
                        + source.deserializer() + " could not read: " + e.getMessage() + " (" + skipped
                        + " skipped by this reader so far)");
            }
            case DEAD_LETTER -> {
                message.subscription().publishDeadLetter(source.deadLetterTopic(), message);
                LOG.log(System.Logger.Level.WARNING, readerName + " sent " + where + " to the dead-letter topic '"
                        + source.deadLetterTopic() + "': " + e.getMessage());
            }
        }
    }

    private void warnIfNeverCheckpointed() {
        if (!warnedAboutCheckpoints && !unacknowledged.isEmpty()
                && System.nanoTime() - lastCheckpointNanos > NO_CHECKPOINT_WARNING_NANOS) {
            warnedAboutCheckpoints = true;
            LOG.log(System.Logger.Level.WARNING, readerName + " holds " + unacknowledged.size() + " QoS 1 messages"
                    + " that it acknowledges only when a checkpoint completes, and no checkpoint has been taken for a"
                    + " minute; the broker stops sending when its in-flight window is full. Enable checkpointing"
                    + " (env.enableCheckpointing) or build the source with setAcknowledgeOnCheckpoint(false).");
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return handover.available();
    }

    @Override
    public void addSplits(List<MqttTopicSplit> newSplits) {
        for (MqttTopicSplit split : newSplits) {
            try {
                MqttSubscription subscription = new MqttSubscription(split, source.connection(),
                        source.cleanSession(), handover, readerName);
                splits.put(split.splitId(), split);
                subscriptions.put(split.splitId(), subscription);
                subscription.start();
            } catch (MqttException e) {
                throw new IllegalArgumentException(readerName + ": cannot create an MQTT client for "
                        + source.connection() + " with client id '" + split.clientId() + "': "
                        + MqttSubscription.describe(e), e);
            }
        }
    }

    @Override
    public void notifyNoMoreSplits() {}

    /** The splits (they have no position: the broker's session is the position) and the acks this checkpoint covers. */
    @Override
    public List<MqttTopicSplit> snapshotState(long checkpointId) {
        acknowledgementsOfCheckpoints.put(checkpointId, unacknowledged);
        unacknowledged = new ArrayList<>();
        lastCheckpointNanos = System.nanoTime();
        return List.copyOf(splits.values());
    }

    /** Acknowledges the messages emitted before checkpoint {@code checkpointId} (and any older one) was taken. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<Long, List<ArrivedMessage>> covered = acknowledgementsOfCheckpoints.headMap(checkpointId, true);
        for (List<ArrivedMessage> messages : covered.values()) {
            for (ArrivedMessage message : messages) {
                message.subscription().acknowledge(message);
                inFlight.remove(InFlight.of(message));
            }
        }
        covered.clear();
    }

    @Override
    public void close() throws Exception {
        handover.close();
        for (MqttSubscription subscription : subscriptions.values()) {
            subscription.close();
        }
    }
}
