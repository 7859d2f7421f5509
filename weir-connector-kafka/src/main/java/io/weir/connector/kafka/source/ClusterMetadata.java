package io.weir.connector.kafka.source;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What the enumerator asks the Kafka cluster (topics, partitions, offsets), through one
 * {@link Admin} client. Every call waits at most the source's {@code default.api.timeout.ms} and
 * fails with an error that names the brokers and what was asked, so an unreachable cluster fails
 * the job instead of hanging it.
 *
 * <p>Threading: the Admin client is thread-safe; the enumerator uses this from its coordinator
 * thread at start and from its discovery thread later.
 */
final class ClusterMetadata implements OffsetsInitializer.PartitionOffsetsRetriever, AutoCloseable {
    private final Admin admin;
    private final String bootstrapServers;
    private final String groupId;
    private final long timeoutMs;

    ClusterMetadata(Properties sourceProperties, long timeoutMs) {
        Properties adminProperties = new Properties();
        for (String key : AdminClientConfig.configNames()) {
            if (sourceProperties.containsKey(key)) {
                adminProperties.put(key, sourceProperties.get(key));
            }
        }
        adminProperties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        adminProperties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 30_000));
        this.admin = Admin.create(adminProperties);
        this.bootstrapServers = sourceProperties.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.groupId = sourceProperties.getProperty("group.id");
        this.timeoutMs = timeoutMs;
    }

    Set<String> topicNames() {
        return await(admin.listTopics().names(), "listing the topics");
    }

    /** The partitions of the given topics; a topic that does not exist fails with its name. */
    Set<TopicPartition> partitionsOf(Collection<String> topics) {
        Map<String, TopicDescription> descriptions =
                await(admin.describeTopics(topics).allTopicNames(), "describing topics " + topics);
        Set<TopicPartition> partitions = new TreeSet<>(
                java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        descriptions.forEach((topic, description) -> description.partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
        if (groupId == null) {
            throw new IllegalStateException("The Kafka source starts from committed offsets but has no consumer group:"
                    + " set one with KafkaSourceBuilder.setGroupId(...)");
        }
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "reading the committed offsets of consumer group '" + groupId + "'");
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                result.put(partition, offset.offset());
            }
        }
        return result;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return listOffsets(partitions, p -> OffsetSpec.latest(), "the end offsets");
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return listOffsets(partitions, p -> OffsetSpec.earliest(), "the beginning offsets");
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch) {
        Map<TopicPartition, OffsetAndTimestamp> result = new HashMap<>();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = listOffsetInfos(timestampsToSearch.keySet(),
                p -> OffsetSpec.forTimestamp(timestampsToSearch.get(p)), "the offsets for timestamps");
        found.forEach((partition, info) -> result.put(partition,
                info.offset() < 0 ? null : new OffsetAndTimestamp(info.offset(), info.timestamp())));
        return result;
    }

    private Map<TopicPartition, Long> listOffsets(Collection<TopicPartition> partitions,
            Function<TopicPartition, OffsetSpec> spec, String what) {
        Map<TopicPartition, Long> result = new HashMap<>();
        listOffsetInfos(partitions, spec, what).forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> listOffsetInfos(
            Collection<TopicPartition> partitions, Function<TopicPartition, OffsetSpec> spec, String what) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec.apply(partition)));
        return await(admin.listOffsets(request).all(), "reading " + what + " of " + List.copyOf(partitions));
    }

    private <T> T await(KafkaFuture<T> answer, String what) {
        try {
            return answer.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw notAnswered(what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                // the Admin client gave up on its own, after the same timeout
                throw notAnswered(what, cause);
            }
            String hint = cause instanceof UnknownTopicOrPartitionException
                    ? " The topic does not exist: create it first, or check its name." : "";
            throw new IllegalStateException("Kafka (bootstrap.servers=" + bootstrapServers + ") failed while " + what
                    + ": " + cause + "." + hint, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        }
    }

    private IllegalStateException notAnswered(String what, Throwable cause) {
        return new IllegalStateException("The Kafka cluster at bootstrap.servers=" + bootstrapServers
                + " did not answer within " + timeoutMs + " ms while " + what + ". Check that the brokers are"
                + " up and reachable from here; the wait is the source's 'default.api.timeout.ms'.", cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofMillis(Math.min(timeoutMs, 5_000)));
    }
}
