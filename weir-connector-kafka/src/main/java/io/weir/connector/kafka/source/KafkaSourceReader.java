package io.weir.connector.kafka.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.functions.Collector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the partitions assigned to one subtask. A {@link KafkaPartitionFetcher} polls Kafka on its
 * own thread; this reader takes its batches without blocking, deserializes each record and emits
 * it with its Kafka timestamp through the partition's own {@link SourceOutput}, so every partition
 * has its own watermark generator (and idleness). It ends when the enumerator has said there are no
 * more splits and every split has reached its stopping offset.
 *
 * <p>A record that cannot be deserialized fails the job with its topic, partition and offset.
 *
 * <p>Threading: the {@link SourceReader} methods and the checkpoint methods run on the task thread;
 * the fetcher thread reaches this reader only through the {@link FetchHandover}.
 */
final class KafkaSourceReader<T> implements SourceReader<T, KafkaPartitionSplit> {
    private static final System.Logger LOG = System.getLogger(KafkaSourceReader.class.getName());
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    /** A split being read: where it is, and its output once created. */
    private static final class SplitState<T> {
        final KafkaPartitionSplit split;
        long nextOffset;
        SourceOutput<T> output;

        SplitState(KafkaPartitionSplit split) {
            this.split = split;
            this.nextOffset = split.getStartingOffset();
        }
    }

    /**
     * Emits deserialized records through one split's output with the Kafka record's timestamp. A
     * failure downstream (the operators chained after the source) comes out wrapped in
     * {@link DownstreamFailure}, so that it is not reported as the deserializer's.
     */
    private static final class TimestampedCollector<T> implements Collector<T> {
        SourceOutput<T> output;
        long timestamp;

        @Override
        public void collect(T record) {
            try {
                if (timestamp >= 0) {
                    output.collect(record, timestamp);
                } else {
                    output.collect(record);
                }
            } catch (RuntimeException downstream) {
                throw new DownstreamFailure(downstream);
            }
        }

        @Override
        public void close() {}
    }

    /** A failure of the operators after the source, passed through the deserializer unchanged. */
    private static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private final SourceReaderContext context;
    private final KafkaRecordDeserializationSchema<T> deserializer;
    private final FetchHandover<KafkaPartitionFetcher.Fetch> handover = new FetchHandover<>(2);
    private final KafkaPartitionFetcher fetcher;
    private final boolean commitOffsets;
    private final Map<TopicPartition, SplitState<T>> splits = new HashMap<>();
    private final List<SplitState<T>> withoutOutput = new ArrayList<>();
    private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> offsetsOfCheckpoints = new TreeMap<>();
    private final TimestampedCollector<T> collector = new TimestampedCollector<>();
    private final String readerName;
    private Thread fetcherThread;
    private boolean noMoreSplits;
    private CompletableFuture<Void> lastCommit = CompletableFuture.completedFuture(null);

    KafkaSourceReader(SourceReaderContext context, KafkaSource<T> source) {
        this.context = context;
        this.deserializer = source.deserializer();
        Properties all = source.getConfiguration();
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.readerName = "Kafka source reader " + (subtask + 1) + "/" + context.currentParallelism();
        this.commitOffsets = all.getProperty(ConsumerConfig.GROUP_ID_CONFIG) != null
                && Boolean.parseBoolean(all.getProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT, "true"));
        Properties consumer = KafkaSourceOptions.clientProperties(all);
        consumer.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.setProperty(ConsumerConfig.CLIENT_ID_CONFIG,
                all.getProperty(KafkaSourceOptions.CLIENT_ID_PREFIX) + "-" + subtask);
        consumer.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumer.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        this.fetcher = new KafkaPartitionFetcher(consumer, handover, source.partitionDiscoveryIntervalMs(),
                source.apiTimeoutMs());
    }

    @Override
    public void start() {
        ClassLoader userClassLoader = Thread.currentThread().getContextClassLoader();
        try {
            deserializer.open((DeserializationSchema.InitializationContext) () -> userClassLoader);
        } catch (Exception e) {
            throw new IllegalStateException(readerName + ": opening the deserializer " + deserializer + " failed", e);
        }
        fetcherThread = new Thread(fetcher, "Kafka fetcher of " + readerName);
        fetcherThread.setDaemon(true);
        fetcherThread.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (fetcher.takeSplitRequestDue()) {
            context.sendSplitRequest();
        }
        for (SplitState<T> state : withoutOutput) {
            state.output = output.createOutputForSplit(state.split.splitId());
        }
        withoutOutput.clear();
        KafkaPartitionFetcher.Fetch fetch;
        try {
            fetch = handover.poll();
        } catch (Exception fetcherFailure) {
            throw new IOException(readerName + ": reading from Kafka failed: " + fetcherFailure, fetcherFailure);
        }
        if (fetch == null) {
            return noMoreSplits && splits.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        for (KafkaPartitionFetcher.PartitionRecords partition : fetch.partitions()) {
            emit(partition);
        }
        for (TopicPartition partition : fetch.finished()) {
            SplitState<T> finished = splits.remove(partition);
            if (finished != null) {
                output.releaseOutputForSplit(finished.split.splitId());
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void emit(KafkaPartitionFetcher.PartitionRecords partition) throws IOException {
        SplitState<T> state = splits.get(partition.partition());
        collector.output = state.output;
        for (ConsumerRecord<byte[], byte[]> record : partition.records()) {
            collector.timestamp = record.timestamp();
            try {
                deserializer.deserialize(record, collector);
            } catch (DownstreamFailure downstream) {
                throw (RuntimeException) downstream.getCause();
            } catch (Exception e) {
                throw new IOException(readerName + " could not deserialize the record at topic '" + record.topic()
                        + "', partition " + record.partition() + ", offset " + record.offset() + " with "
                        + deserializer + ": " + e.getMessage() + ". The job fails rather than skip it: fix the"
                        + " record's producer or the deserializer, or start after it with"
                        + " OffsetsInitializer.offsets(...).", e);
            }
            state.nextOffset = record.offset() + 1;
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return handover.available();
    }

    @Override
    public void addSplits(List<KafkaPartitionSplit> newSplits) {
        for (KafkaPartitionSplit split : newSplits) {
            SplitState<T> state = new SplitState<>(split);
            splits.put(split.getTopicPartition(), state);
            withoutOutput.add(state);
        }
        fetcher.addSplits(newSplits);
        handover.wakeUp();
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        handover.wakeUp();
    }

    /**
     * The splits of this reader with their starting offsets moved to the next record to read: what a
     * checkpoint stores, and what {@link #notifyCheckpointComplete} commits for {@code checkpointId}.
     * Finished splits are not in it: a restored job does not read them again.
     */
    @Override
    public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
        List<KafkaPartitionSplit> snapshot = new ArrayList<>(splits.size());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (SplitState<T> state : splits.values()) {
            snapshot.add(new KafkaPartitionSplit(state.split.getTopicPartition(), state.nextOffset,
                    state.split.stoppingOffsetOrNone()));
            offsets.put(state.split.getTopicPartition(), new OffsetAndMetadata(state.nextOffset));
        }
        if (commitOffsets) {
            offsetsOfCheckpoints.put(checkpointId, offsets);
        }
        return snapshot;
    }

    /**
     * Commits the offsets snapshotted for {@code checkpointId} to the consumer group (when the source
     * has a group and {@code commit.offsets.on.checkpoint} is not false), from the fetcher thread;
     * older pending checkpoints are dropped, since a later commit covers them. A failed commit does
     * not fail the job: the offsets are in the checkpoint, the failure is logged, and the next
     * checkpoint commits newer offsets. A commit cut short by the reader's close is dropped silently.
     */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsOfCheckpoints.get(checkpointId);
        offsetsOfCheckpoints.headMap(checkpointId, true).clear();
        if (offsets == null || offsets.isEmpty()) {
            return;
        }
        lastCommit = fetcher.commit(offsets).whenComplete((ok, failure) -> {
            if (failure != null && !(failure instanceof java.util.concurrent.CancellationException)) {
                LOG.log(System.Logger.Level.WARNING, readerName + " could not commit the offsets of checkpoint "
                        + checkpointId + " to the consumer group; the next checkpoint commits newer ones", failure);
            }
        });
    }

    /** The commit started by the last {@link #notifyCheckpointComplete}, for tests. */
    CompletableFuture<Void> lastCommit() {
        return lastCommit;
    }

    @Override
    public void close() throws Exception {
        fetcher.shutdown();
        if (fetcherThread != null) {
            fetcherThread.join(SHUTDOWN_WAIT_MS);
            if (fetcherThread.isAlive()) {
                throw new IllegalStateException(readerName + ": the Kafka fetcher thread did not stop within "
                        + SHUTDOWN_WAIT_MS + " ms");
            }
        }
    }
}
