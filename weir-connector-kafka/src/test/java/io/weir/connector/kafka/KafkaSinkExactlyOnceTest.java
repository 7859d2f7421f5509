package io.weir.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.StatefulSinkWriter;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.SupportsWriterState;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.connector.kafka.sink.KafkaCommittable;
import io.weir.connector.kafka.sink.KafkaWriterState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Collection;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.sink.KafkaSinkBuilder;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka → map → Kafka jobs with an injected failure, on a MiniCluster against the in-process broker.
 * The input has two partitions of {@link #PER_PARTITION} records, written in two halves: the job
 * reads the first half, a checkpoint completes, then the test writes the second half, and the failure
 * hits while the job reads it. The source stops at the end of the second half, so every job ends by
 * itself; a {@code read_committed} consumer then reads the output.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaSinkExactlyOnceTest {
    private static final int PER_PARTITION = 1_500;
    private static final int FAIL_AT_SEQ = 1_000;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(3).build();

    /** Counted down when a checkpoint completes after a subtask has read the first half. */
    static volatile CountDownLatch firstHalfCheckpointed;
    /** Counted down when the injected failure happened. */
    static volatile CountDownLatch failed;
    static final AtomicBoolean FAILURE_USED = new AtomicBoolean();

    @BeforeEach
    void reset() {
        firstHalfCheckpointed = new CountDownLatch(1);
        failed = new CountDownLatch(1);
        FAILURE_USED.set(false);
    }

    private static void produce(String topic, int fromSeq, int toSeq) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int seq = fromSeq; seq < toSeq; seq++) {
            for (int p = 0; p < 2; p++) {
                records.add(new ProducerRecord<>(topic, p, null, "p" + p + "-" + seq));
            }
        }
        KAFKA.produce(records);
    }

    private static List<String> expected() {
        List<String> values = new ArrayList<>();
        for (int seq = 0; seq < PER_PARTITION; seq++) {
            for (int p = 0; p < 2; p++) {
                values.add("out-p" + p + "-" + seq);
            }
        }
        values.sort(null);
        return values;
    }

    private static KafkaSinkBuilder<String> sink(String topic, DeliveryGuarantee guarantee) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setKafkaProducerConfig(KAFKA.clientTimeouts())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix("eo-test-" + topic);
    }

    /** Kafka (input, bounded at the end of the second half) → map (failing once if asked) → the sink. */
    private static JobClient start(String input, String group, boolean injectFailure, Sink<String> sink)
            throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        program(env, input, group, injectFailure, sink);
        return env.executeAsync("kafka to kafka " + input);
    }

    private static void program(StreamExecutionEnvironment env, String input, String group, boolean injectFailure,
            Sink<String> sink) {
        Map<TopicPartition, Long> end = new HashMap<>();
        end.put(new TopicPartition(input, 0), (long) PER_PARTITION);
        end.put(new TopicPartition(input, 1), (long) PER_PARTITION);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopics(input).setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.offsets(end))
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka in").uid("kafka in")
                .map(new FailOnceInSecondHalf(injectFailure)).uid("map")
                .sinkTo(sink).uid("kafka out");
    }

    /**
     * Runs the job over an input written in two halves; the second half is written once a checkpoint
     * covered part of the first and, with {@code awaitFailure}, once the committer failure happened.
     */
    private static void runInTwoHalves(String input, String group, boolean injectFailure, Sink<String> sink,
            CountDownLatch beforeSecondHalf) throws Exception {
        KAFKA.createTopic(input, 2);
        produce(input, 0, PER_PARTITION / 2);
        JobClient job = start(input, group, injectFailure, sink);
        assertTrue(beforeSecondHalf.await(60, TimeUnit.SECONDS), "the job got that far in the first half");
        produce(input, PER_PARTITION / 2, PER_PARTITION);
        job.getJobExecutionResult().get(90, TimeUnit.SECONDS);
    }

    private static List<String> committedValues(String topic) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KAFKA.readCommitted(topic)) {
            values.add(record.value());
        }
        values.sort(null);
        return values;
    }

    @Test
    void aFailureMidwayGivesEachRecordOnceAsAFailureFreeRunDoes() throws Exception {
        runInTwoHalves("eo-clean-in", "eo-clean", false, sink("eo-clean-out", DeliveryGuarantee.EXACTLY_ONCE).build(),
                firstHalfCheckpointed);
        List<String> failureFree = committedValues("eo-clean-out");

        runInTwoHalves("eo-fail-in", "eo-fail", true, sink("eo-fail-out", DeliveryGuarantee.EXACTLY_ONCE).build(),
                firstHalfCheckpointed);

        assertEquals(0, failed.getCount(), "the injected failure happened");
        assertEquals(expected(), failureFree);
        assertEquals(failureFree, committedValues("eo-fail-out"), "every record once, as without the failure");
    }

    @Test
    void atLeastOnceKeepsEveryRecordThroughAFailure() throws Exception {
        runInTwoHalves("alo-in", "alo", true, sink("alo-out", DeliveryGuarantee.AT_LEAST_ONCE).build(),
                firstHalfCheckpointed);

        assertEquals(0, failed.getCount(), "the injected failure happened");
        List<String> written = new ArrayList<>(committedValues("alo-out"));
        assertTrue(written.size() >= 2 * PER_PARTITION, written.size() + " records");
        assertEquals(expected(), written.stream().distinct().sorted().toList(), "every record at least once");
    }

    /**
     * A job cancelled after a checkpoint (checkpoints retained) resumes from it at another parallelism:
     * the restored writers commit the checkpoint's transactions of every old subtask, abort those the
     * cancelled run left open after it, and the output has each record once.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aRetainedCheckpointResumesAtAnotherParallelismWithEachRecordOnce(int parallelism, @TempDir Path dir)
            throws Exception {
        String input = "rescale-" + parallelism + "-in";
        String out = "rescale-" + parallelism + "-out";
        KafkaSink<String> kafka = sink(out, DeliveryGuarantee.EXACTLY_ONCE).build();
        KAFKA.createTopic(input, 2);
        produce(input, 0, PER_PARTITION / 2);
        StreamExecutionEnvironment first = CLUSTER.createEnvironment(2);
        first.enableCheckpointing(50);
        Configuration retained = new Configuration();
        retained.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        retained.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        first.configure(retained);
        program(first, input, out, false, kafka);
        JobClient job = first.executeAsync("first run " + out);
        assertTrue(firstHalfCheckpointed.await(60, TimeUnit.SECONDS), "a checkpoint completed");
        job.cancel().get(60, TimeUnit.SECONDS);
        produce(input, PER_PARTITION / 2, PER_PARTITION);

        StreamExecutionEnvironment resumed = CLUSTER.createEnvironment(parallelism);
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, latestCheckpoint(dir).toString());
        resumed.configure(restore);
        program(resumed, input, out, false, kafka);
        resumed.execute("resumed " + out);

        assertEquals(expected(), committedValues(out), "every record once");
    }

    /** The completed checkpoint (a chk-N directory with _metadata) with the highest N. */
    private static Path latestCheckpoint(Path checkpoints) throws IOException {
        try (Stream<Path> dirs = Files.walk(checkpoints, 2)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no completed checkpoint in " + checkpoints));
        }
    }

    enum CommitFailure { BEFORE_COMMITTING, AFTER_COMMITTING }

    /**
     * The failure between pre-commit and commit: the first commit after a completed checkpoint fails
     * (before or after the transactions were committed), the job restores that checkpoint and commits
     * its transactions again. Each record is there once either way.
     */
    @ParameterizedTest
    @EnumSource(CommitFailure.class)
    void aFailedCommitIsRepeatedAfterTheRestoreAndEachRecordIsThereOnce(CommitFailure when) throws Exception {
        String out = "commit-" + when.name().toLowerCase().replace('_', '-') + "-out";
        KafkaSink<String> kafka = sink(out, DeliveryGuarantee.EXACTLY_ONCE).build();
        runInTwoHalves(out + "-in", out, false, new CommitFailingSink(kafka, when), failed);

        assertEquals(expected(), committedValues(out), "every record once");
    }

    /** Delegates to a KafkaSink; its committer fails its first non-empty commit in the first attempt. */
    static final class CommitFailingSink implements Sink<String>, SupportsCommitter<KafkaCommittable>,
            SupportsWriterState<String, KafkaWriterState> {
        private final KafkaSink<String> kafka;
        private final CommitFailure when;

        CommitFailingSink(KafkaSink<String> kafka, CommitFailure when) {
            this.kafka = kafka;
            this.when = when;
        }

        @Override
        public StatefulSinkWriter<String, KafkaWriterState> createWriter(WriterInitContext context) {
            return kafka.createWriter(context);
        }

        @Override
        public StatefulSinkWriter<String, KafkaWriterState> restoreWriter(WriterInitContext context,
                Collection<KafkaWriterState> recoveredState) {
            return kafka.restoreWriter(context, recoveredState);
        }

        @Override
        public SimpleVersionedSerializer<KafkaWriterState> getWriterStateSerializer() {
            return kafka.getWriterStateSerializer();
        }

        @Override
        public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
            return kafka.getCommittableSerializer();
        }

        @Override
        public Committer<KafkaCommittable> createCommitter(CommitterInitContext context) {
            Committer<KafkaCommittable> committer = kafka.createCommitter(context);
            boolean firstAttempt = context.getTaskInfo().getAttemptNumber() == 0;
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<KafkaCommittable>> requests)
                        throws IOException, InterruptedException {
                    boolean fail = firstAttempt && !requests.isEmpty() && FAILURE_USED.compareAndSet(false, true);
                    if (fail && when == CommitFailure.BEFORE_COMMITTING) {
                        failed.countDown();
                        throw new IOException("injected: the commit after a completed checkpoint fails");
                    }
                    committer.commit(requests);
                    if (fail) {
                        failed.countDown();
                        throw new IOException("injected: the task fails right after committing");
                    }
                }

                @Override
                public void close() throws Exception {
                    committer.close();
                }
            };
        }
    }

    /**
     * Passes values on as {@code out-<value>}. Records when a checkpoint completes after its subtask
     * read the first half; with a failure to inject, fails once, in the first attempt, at the first
     * record of sequence {@link #FAIL_AT_SEQ} or later (in the second half).
     */
    static final class FailOnceInSecondHalf extends RichMapFunction<String, String> implements CheckpointListener {
        private final boolean injectFailure;
        private transient int seen;

        FailOnceInSecondHalf(boolean injectFailure) {
            this.injectFailure = injectFailure;
        }

        @Override
        public String map(String value) {
            seen++;
            int seq = Integer.parseInt(value.substring(value.indexOf('-') + 1));
            if (injectFailure && seq >= FAIL_AT_SEQ && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && FAILURE_USED.compareAndSet(false, true)) {
                failed.countDown();
                throw new IllegalStateException("injected failure at " + value);
            }
            return "out-" + value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (seen >= PER_PARTITION / 2) {
                firstHalfCheckpointed.countDown();
            }
        }
    }
}
