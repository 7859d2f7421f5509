package io.weir.connector.kafka.source;

import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the partitions of a {@link KafkaSource} and gives each to one reader, for good: a
 * partition's owner is fixed by its topic and number (Flink's rule), so a partition stays with the
 * same reader across discoveries. Starting (and, when bounded, stopping) offsets are resolved to
 * concrete offsets when a partition is found.
 *
 * <p>Partition discovery: the partitions at start are found on the coordinator thread in
 * {@link #start()} (an unreachable cluster fails the job there, after the source's timeout). With
 * discovery on, a daemon thread of this enumerator looks again every interval and queues the splits
 * of new partitions, which start at their beginning; they are assigned on the next split request,
 * which every reader of an unbounded source sends once per discovery interval. (The enumerator
 * context offers no way yet to run a callback on the coordinator thread later; once it does, the
 * discovery thread can hand its result over that way instead.)
 *
 * <p>Threading: the {@link SplitEnumerator} methods run on the coordinator thread. The discovery
 * thread touches only {@code knownPartitions} (after start), {@link #discovered} and
 * {@link #discoveryFailure}.
 */
final class KafkaSourceEnumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
    private final SplitEnumeratorContext<KafkaPartitionSplit> context;
    private final KafkaSource<?> source;
    private final ClusterMetadata cluster;
    private final Set<TopicPartition> knownPartitions = new HashSet<>();
    private final Map<Integer, List<KafkaPartitionSplit>> pending = new TreeMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Set<Integer> toldNoMoreSplits = new HashSet<>();
    private final ConcurrentLinkedQueue<KafkaPartitionSplit> discovered = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException discoveryFailure;
    private ScheduledExecutorService discovery;

    /**
     * @param restored what a checkpoint of an earlier enumerator holds: its partitions are not found
     *     again (their readers got them back from their own state)
     */
    KafkaSourceEnumerator(SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSource<?> source,
            KafkaSourceEnumState restored) {
        this.context = context;
        this.source = source;
        this.cluster = new ClusterMetadata(source.getConfiguration(), source.apiTimeoutMs());
        knownPartitions.addAll(restored.assignedPartitions());
        assigned.addAll(restored.assignedPartitions());
    }

    @Override
    public void start() {
        addPending(newSplits(source.getStartingOffsets()));
        long interval = source.partitionDiscoveryIntervalMs();
        if (interval > 0) {
            discovery = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "Kafka partition discovery (" + source.describeSubscription() + ")");
                thread.setDaemon(true);
                return thread;
            });
            discovery.scheduleWithFixedDelay(this::discoverNewPartitions, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** On the discovery thread: queue splits for partitions that appeared since the last look. */
    private void discoverNewPartitions() {
        try {
            discovered.addAll(newSplits(OffsetsInitializer.earliest()));
        } catch (RuntimeException e) {
            discoveryFailure = new IllegalStateException("Kafka partition discovery failed for "
                    + source.describeSubscription() + ": " + e.getMessage(), e);
            discovery.shutdown();
        }
    }

    /** Splits for the partitions not seen before, starting where {@code starting} says. */
    private List<KafkaPartitionSplit> newSplits(OffsetsInitializer starting) {
        Set<TopicPartition> fresh = new HashSet<>(source.subscriber().subscribedPartitions(cluster));
        fresh.removeAll(knownPartitions);
        if (fresh.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> starts = starting.getPartitionOffsets(fresh, cluster);
        OffsetsInitializer stopping = source.getStoppingOffsets();
        Map<TopicPartition, Long> stops = stopping == null ? Map.of() : stopping.getPartitionOffsets(fresh, cluster);
        List<KafkaPartitionSplit> splits = new ArrayList<>();
        for (TopicPartition partition : fresh) {
            Long start = starts.get(partition);
            if (start == null) {
                throw new IllegalStateException("No starting offset was found for " + partition);
            }
            splits.add(new KafkaPartitionSplit(partition, start,
                    stops.getOrDefault(partition, KafkaPartitionSplit.NO_STOPPING_OFFSET)));
        }
        knownPartitions.addAll(fresh);
        return splits;
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        RuntimeException failure = discoveryFailure;
        if (failure != null) {
            throw failure;
        }
        List<KafkaPartitionSplit> found = new ArrayList<>();
        for (KafkaPartitionSplit split; (split = discovered.poll()) != null; ) {
            found.add(split);
        }
        addPending(found);
        assignPending();
    }

    @Override
    public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
        splits.forEach(split -> assigned.remove(split.getTopicPartition()));
        addPending(splits);
        assignPending();
    }

    private void addPending(List<KafkaPartitionSplit> splits) {
        int readers = context.currentParallelism();
        for (KafkaPartitionSplit split : splits) {
            pending.computeIfAbsent(ownerOf(split.getTopicPartition(), readers), r -> new ArrayList<>()).add(split);
        }
    }

    /**
     * Hands every pending split to its owner if the owner has registered. When the splits stop (bounded
     * or stopping offsets) and no discovery runs, every split is known after start: registered readers
     * are told there are no more, so they end once their splits are read.
     */
    private void assignPending() {
        Set<Integer> readers = context.registeredReaders().keySet();
        for (int reader : readers) {
            List<KafkaPartitionSplit> splits = pending.remove(reader);
            if (splits != null) {
                for (KafkaPartitionSplit split : splits) {
                    context.assignSplit(split, reader);
                    assigned.add(split.getTopicPartition());
                }
            }
            if (source.getStoppingOffsets() != null && discovery == null && toldNoMoreSplits.add(reader)) {
                context.signalNoMoreSplits(reader);
            }
        }
    }

    /**
     * The reader that owns a partition: the topic picks a starting reader, and the partitions of a
     * topic go round-robin from there, so consecutive partitions spread over the readers.
     */
    static int ownerOf(TopicPartition partition, int readers) {
        int startIndex = ((partition.topic().hashCode() * 31) & 0x7FFFFFFF) % readers;
        return (startIndex + partition.partition()) % readers;
    }

    /** The partitions assigned so far: what a checkpoint of this enumerator holds. */
    @Override
    public KafkaSourceEnumState snapshotState(long checkpointId) {
        return new KafkaSourceEnumState(assigned);
    }

    @Override
    public void close() {
        if (discovery != null) {
            discovery.shutdownNow();
        }
        cluster.close();
    }
}
