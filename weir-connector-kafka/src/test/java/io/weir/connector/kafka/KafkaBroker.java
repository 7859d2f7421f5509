package io.weir.connector.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft Kafka cluster in this JVM, on loopback with ports the OS picks, started
 * once per module test run (the first test class that registers the extension starts it; JUnit
 * closes it after the last class) because a start takes about five seconds. Tests use their own
 * topic names, so they do not see each other's records.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBroker KAFKA = new KafkaBroker();
 * }</pre>
 */
public final class KafkaBroker implements BeforeAllCallback {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int REQUEST_TIMEOUT_MS = 4_000;

    private Cluster cluster;

    /** Started on the root context's store, so JUnit closes it once every test class has run. */
    private static final class Cluster implements AutoCloseable {
        final KafkaClusterTestKit kit;
        final Admin admin;

        Cluster() throws Exception {
            kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // The tests write records stamped in 1970 (timestamps like 1000 ms). With the default
                    // retention (7 days by record timestamp) the broker's retention pass, 30 s after start
                    // and every 5 min after, deletes them while a test reads: a partition then looks empty.
                    .setConfigProp("log.retention.ms", "-1")
                    .build();
            formatQuietly();
            kit.startup();
            kit.waitForReadyBrokers();
            admin = Admin.create(Map.of("bootstrap.servers", kit.bootstrapServers(),
                    "request.timeout.ms", REQUEST_TIMEOUT_MS));
        }

        /** The storage formatter prints its progress to System.out (not to a logger); keep test output clean. */
        private void formatQuietly() throws Exception {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                kit.format();
            } finally {
                System.setOut(out);
            }
        }

        @Override
        public void close() throws Exception {
            admin.close();
            kit.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Cluster.class, key -> {
                    try {
                        return new Cluster();
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not start the in-process Kafka broker", e);
                    }
                }, Cluster.class);
    }

    /**
     * Client settings for the tests' sources and sinks: requests time out after 4 s instead of 30 s,
     * so a connection that stalls on this sandbox's loopback is dropped and opened again well within
     * a test's timeout.
     */
    public Properties clientTimeouts() {
        Properties props = new Properties();
        props.put("request.timeout.ms", String.valueOf(REQUEST_TIMEOUT_MS));
        return props;
    }

    public String bootstrapServers() {
        return cluster.kit.bootstrapServers();
    }

    public Admin admin() {
        return cluster.admin;
    }

    /** Creates the topic and returns once every partition of it answers for its end offset. */
    public void createTopic(String topic, int partitions) throws Exception {
        admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        awaitPartitions(topic, partitions);
    }

    /**
     * Waits until partitions {@code 0..count-1} of the topic answer a ListOffsets request, that is,
     * until the broker leads them and has their logs: creating a topic returns when the controller
     * has recorded it, which can be before the broker serves it.
     */
    public void awaitPartitions(String topic, int count) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (int p = 0; p < count; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                admin().listOffsets(request).all().get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Partitions of " + topic + " not served within " + TIMEOUT, notYet);
                }
            }
        }
    }

    public KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends the records and waits until every one is acknowledged. */
    public void produce(List<ProducerRecord<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Every record of the topic's partitions up to their current end, read with a plain consumer. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(topic, "read_uncommitted");
    }

    /**
     * The committed records of the topic, read with {@code isolation.level=read_committed} up to
     * each partition's last stable offset (where the first open transaction begins).
     */
    public List<ConsumerRecord<String, String>> readCommitted(String topic) {
        return readAll(topic, "read_committed");
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end " + ends + " within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }
}
