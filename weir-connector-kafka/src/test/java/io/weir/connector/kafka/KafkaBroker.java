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
 *
 * <p>Outside JUnit (the connector benchmark, {@code bin/weir bench kafka}), {@link #startStandalone()}
 * starts one and {@link #close()} stops it; its value helpers take and return plain strings, so the
 * caller needs no Kafka types.
 */
public final class KafkaBroker implements BeforeAllCallback, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int REQUEST_TIMEOUT_MS = 4_000;

    private Cluster cluster;
    private boolean standalone;

    /** A broker for use outside JUnit, running until {@link #close()}. */
    public static KafkaBroker startStandalone() throws Exception {
        KafkaBroker broker = new KafkaBroker();
        broker.cluster = new Cluster();
        broker.standalone = true;
        return broker;
    }

    /** Stops a broker of {@link #startStandalone()}; one that JUnit started, JUnit stops. */
    @Override
    public void close() throws Exception {
        if (standalone && cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

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
        createTopic(topic, partitions, Map.of());
    }

    /** {@link #createTopic(String, int)} with topic configs, e.g. {@code message.timestamp.type}. */
    public void createTopic(String topic, int partitions, Map<String, String> configs) throws Exception {
        admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all()
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

    /**
     * Writes {@code count} records without key, the {@code i}-th with value {@code value.apply(i)},
     * batched (linger 5 ms, lz4 off), and waits until the broker acknowledged all.
     */
    public void produceValues(String topic, long count, java.util.function.LongFunction<String> value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
            for (long i = 0; i < count && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, value.apply(i)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Could not write to " + topic + ": " + failure.get(), failure.get());
            }
        }
    }

    /**
     * The values of the topic's committed records (read_committed, up to each partition's last stable
     * offset), waiting at most {@code timeout} for them.
     */
    public List<String> readCommittedValues(String topic, Duration timeout) {
        return readCommittedRecords(topic, timeout).stream().map(Map.Entry::getValue).toList();
    }

    /**
     * As {@link #readCommittedValues}, each value with its record's timestamp (the broker's append time
     * on a topic with {@code message.timestamp.type=LogAppendTime}).
     */
    public List<Map.Entry<Long, String>> readCommittedRecords(String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<Map.Entry<Long, String>> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + ends + " within "
                            + timeout + " (" + values.size() + " records read)");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(Map.entry(record.timestamp(), record.value())));
            }
            return values;
        }
    }

    /**
     * End-to-end latency through a running job that reads {@code input} and writes {@code output} (the
     * connector benchmark's latency phase): first writes {@code w,<time>} records every 100 ms until
     * the job's first output is committed (the job is up), then {@code count} records
     * {@code k<i % keys>,<send time in ms>} at {@code perSecond}, and reads {@code output} with
     * {@code read_committed}: a record's latency is the time it is read minus the send time that the job
     * carried through as the value's last field. Returns the latencies in ms of the {@code count}
     * measured records, in arrival order.
     */
    public long[] measureLatency(String input, String output, int keys, long count, int perSecond, Duration timeout)
            throws Exception {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        consumerProps.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(output, TIMEOUT).stream()
                    .map(p -> new TopicPartition(output, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the job is up once a warm-up record came through, committed
            long nextWarmUp = 0;
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The job wrote nothing to " + output + " within " + timeout);
                }
                if (System.nanoTime() >= nextWarmUp) {
                    producer.send(new ProducerRecord<>(input, "w," + System.currentTimeMillis()));
                    nextWarmUp = System.nanoTime() + 100_000_000L;
                }
                if (!consumer.poll(Duration.ofMillis(20)).isEmpty()) {
                    break;
                }
            }
            long[] latencies = new long[Math.toIntExact(count)];
            int received = 0;
            long sent = 0;
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / perSecond;
            while (received < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Only " + received + " of " + count + " measured records came through "
                            + output + " within " + timeout);
                }
                while (sent < count && System.nanoTime() >= start + sent * intervalNanos) {
                    producer.send(new ProducerRecord<>(input, "k" + (sent % keys) + "," + System.currentTimeMillis()));
                    sent++;
                }
                long pollMillis = sent < count ? Math.max(0, (start + sent * intervalNanos - System.nanoTime()) / 1_000_000) : 20;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(Math.min(pollMillis, 20)))) {
                    String value = record.value();
                    if (value.startsWith("k") && received < count) {
                        long now = System.currentTimeMillis();
                        latencies[received++] = now - Long.parseLong(value.substring(value.lastIndexOf(',') + 1));
                    }
                }
            }
            return latencies;
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
