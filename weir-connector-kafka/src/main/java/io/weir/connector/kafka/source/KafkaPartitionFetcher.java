package io.weir.connector.kafka.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The fetcher thread of one {@link KafkaSourceReader}: owns a {@link KafkaConsumer} (which is not
 * thread-safe, so nothing else touches it), assigns it the reader's partitions, polls, and hands
 * the records over per partition. In bounded mode it cuts each partition at its stopping offset
 * and reports the partition finished, after its last records, once the consumer's position has
 * reached that offset.
 *
 * <p>Threading: {@link #run()} on the fetcher thread. {@link #addSplits}, {@link #commit},
 * {@link #shutdown} and {@link #takeSplitRequestDue()} from the task thread; they pass commands
 * through a queue the fetcher drains between polls (a poll waits at most 100 ms).
 */
final class KafkaPartitionFetcher implements Runnable {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    /** The records of one partition from one poll, in offset order. */
    record PartitionRecords(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {}

    /** One poll's worth: records per partition, then the partitions that ended with them. */
    record Fetch(List<PartitionRecords> partitions, List<TopicPartition> finished) {}

    private record AddSplits(List<KafkaPartitionSplit> splits) {}

    private record Commit(Map<TopicPartition, OffsetAndMetadata> offsets, CompletableFuture<Void> done) {}

    private final Properties consumerProperties;
    private final FetchHandover<Fetch> handover;
    private final long splitRequestIntervalNanos;
    private final long apiTimeoutMs;
    private final LinkedBlockingQueue<Object> commands = new LinkedBlockingQueue<>();
    private final AtomicBoolean splitRequestDue = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    // fetcher thread only
    private final Map<TopicPartition, Long> stoppingOffsets = new java.util.HashMap<>();
    private long nextSplitRequest;

    /** @param splitRequestIntervalMs how often the reader should ask for new splits; 0 or less for never */
    KafkaPartitionFetcher(Properties consumerProperties, FetchHandover<Fetch> handover, long splitRequestIntervalMs,
            long apiTimeoutMs) {
        this.consumerProperties = consumerProperties;
        this.handover = handover;
        this.splitRequestIntervalNanos = splitRequestIntervalMs > 0 ? TimeUnit.MILLISECONDS.toNanos(splitRequestIntervalMs) : 0;
        this.apiTimeoutMs = apiTimeoutMs;
    }

    void addSplits(List<KafkaPartitionSplit> splits) {
        commands.add(new AddSplits(List.copyOf(splits)));
    }

    /** Commits offsets to the consumer group from the fetcher thread; the future says how it went. */
    CompletableFuture<Void> commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        commands.add(new Commit(Map.copyOf(offsets), done));
        return done;
    }

    /** True once per discovery interval: the reader should send a split request to pick up new partitions. */
    boolean takeSplitRequestDue() {
        return splitRequestDue.getAndSet(false);
    }

    /** Stops the loop; a poll in progress is woken up, a blocked hand-over released. */
    void shutdown() {
        running = false;
        handover.close();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        KafkaConsumer<byte[], byte[]> kafka = null;
        try {
            kafka = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer = kafka;
            nextSplitRequest = System.nanoTime() + splitRequestIntervalNanos;
            while (running) {
                runCommands(kafka, kafka.assignment().isEmpty());
                askForSplitsIfDue();
                if (kafka.assignment().isEmpty()) {
                    continue;
                }
                Fetch fetch = collect(kafka, kafka.poll(POLL_TIMEOUT));
                if (fetch != null && !handover.put(fetch)) {
                    return;
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (running) {
                handover.fail(new IllegalStateException("The Kafka fetcher thread was interrupted", e));
            }
        } catch (Throwable t) {
            handover.fail(t);
        } finally {
            if (kafka != null) {
                kafka.close(CloseOptions.timeout(Duration.ofMillis(Math.min(apiTimeoutMs, 5_000))));
            }
        }
    }

    private void runCommands(KafkaConsumer<byte[], byte[]> kafka, boolean idle) throws InterruptedException {
        Object command = idle ? commands.poll(POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) : commands.poll();
        for (; command != null; command = commands.poll()) {
            if (command instanceof AddSplits add) {
                assign(kafka, add.splits());
            } else if (command instanceof Commit commit) {
                try {
                    kafka.commitSync(commit.offsets(), Duration.ofMillis(apiTimeoutMs));
                    commit.done().complete(null);
                } catch (WakeupException shuttingDown) {
                    commit.done().cancel(false);
                    throw shuttingDown;
                } catch (RuntimeException e) {
                    commit.done().completeExceptionally(e);
                }
            }
        }
    }

    private void assign(KafkaConsumer<byte[], byte[]> kafka, List<KafkaPartitionSplit> splits) {
        Set<TopicPartition> assignment = new HashSet<>(kafka.assignment());
        splits.forEach(split -> assignment.add(split.getTopicPartition()));
        kafka.assign(assignment);
        for (KafkaPartitionSplit split : splits) {
            kafka.seek(split.getTopicPartition(), split.getStartingOffset());
            split.getStoppingOffset().ifPresent(stop -> stoppingOffsets.put(split.getTopicPartition(), stop));
        }
    }

    private void askForSplitsIfDue() {
        if (splitRequestIntervalNanos > 0 && System.nanoTime() - nextSplitRequest >= 0) {
            nextSplitRequest = System.nanoTime() + splitRequestIntervalNanos;
            splitRequestDue.set(true);
            handover.wakeUp();
        }
    }

    /** The records of one poll cut at the stopping offsets, and the partitions that reached theirs; null if neither. */
    private Fetch collect(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> polled) {
        List<PartitionRecords> partitions = new ArrayList<>(polled.partitions().size());
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
            Long stop = stoppingOffsets.get(partition);
            if (stop != null) {
                int end = 0;
                while (end < records.size() && records.get(end).offset() < stop) {
                    end++;
                }
                records = records.subList(0, end);
            }
            if (!records.isEmpty()) {
                partitions.add(new PartitionRecords(partition, records));
            }
        }
        List<TopicPartition> finished = new ArrayList<>();
        for (Iterator<Map.Entry<TopicPartition, Long>> it = stoppingOffsets.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TopicPartition, Long> entry = it.next();
            if (kafka.position(entry.getKey()) >= entry.getValue()) {
                finished.add(entry.getKey());
                it.remove();
            }
        }
        if (!finished.isEmpty()) {
            Set<TopicPartition> remaining = new HashSet<>(kafka.assignment());
            finished.forEach(remaining::remove);
            kafka.assign(remaining);
        }
        return partitions.isEmpty() && finished.isEmpty() ? null : new Fetch(partitions, finished);
    }
}
