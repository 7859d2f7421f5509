package io.weir.examples.cardfraud;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.sink.KafkaSinkBuilder;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.examples.pipelines.Arguments;
import io.weir.examples.pipelines.CountAggregate;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.formats.json.JsonSerializationSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The card-fraud scorer. Payments arrive as JSON on Kafka ({@code {"id": "p-1", "card": "c-42",
 * "amount": 12550, "status": "APPROVED", "time": 1733300000000}}: amount in cents, status
 * {@code APPROVED} or {@code DECLINED}, time in epoch milliseconds), up to 45 s out of order. Two
 * rules score them in event time and write alerts as JSON to Kafka, exactly once:
 *
 * <ul>
 *   <li><b>Declines</b>: {@value #DECLINE_THRESHOLD} or more declined payments of one card in a
 *       10-minute tumbling window give a {@code DECLINES} alert for that window.
 *   <li><b>24 h spend</b>: the approved amounts of one card in the 24 hours up to each payment (a
 *       rolling window, not a calendar day) above {@link #SPEND_LIMIT_CENTS} give a {@code SPEND_24H}
 *       alert at the payment that crossed the limit; the card alerts again only after it went back
 *       under the limit.
 * </ul>
 *
 * <p>The 24 h spend keeps each card's recent payments in keyed map state on RocksDB
 * ({@code state.backend.type: rocksdb}): state grows with cards × payments per day, more than a heap
 * should hold. A payment waits in state until the watermark passes its time and is then added in
 * event-time order, so out-of-order arrival does not change an alert. Payments older than 24 h of
 * event time are removed as the card's next payments come; a card that stops paying is removed by
 * the state's TTL (25 h of processing time, since TTL runs on processing time, as in Flink).
 *
 * <pre>bin/weir example card-fraud --bootstrap-servers HOST:PORT [--input-topic payments] [--alert-topic fraud-alerts] ...</pre>
 */
public final class CardFraud {
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(45);
    public static final Duration DECLINE_WINDOW = Duration.ofMinutes(10);
    public static final int DECLINE_THRESHOLD = 3;
    public static final Duration SPEND_PERIOD = Duration.ofHours(24);
    /** 5,000.00 in cents. */
    public static final long SPEND_LIMIT_CENTS = 500_000;

    private static final String USAGE = "card-fraud --bootstrap-servers HOST:PORT [--input-topic payments]"
            + " [--alert-topic fraud-alerts] [--group-id card-fraud] [--transactional-id-prefix card-fraud]"
            + " [--parallelism P] [--bounded true|false]";

    private CardFraud() {}

    public record Payment(String id, String card, long amount, String status, long time) {
        boolean declined() {
            return "DECLINED".equals(status);
        }
    }

    /** {@code kind} DECLINES: {@code time} is the window start, {@code value} the declines; SPEND_24H: the payment's time and the 24 h spend in cents. */
    public record Alert(String card, String kind, long time, long value) {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, USAGE, Set.of("--bootstrap-servers", "--input-topic", "--alert-topic",
                "--group-id", "--transactional-id-prefix", "--parallelism", "--bounded"));
        String bootstrapServers = arguments.required("--bootstrap-servers");
        KafkaSourceBuilder<Payment> source = source(bootstrapServers, arguments.get("--input-topic", "payments"),
                arguments.get("--group-id", "card-fraud"));
        if (arguments.getBoolean("--bounded")) {
            source.setBounded(OffsetsInitializer.latest());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(arguments.getInt("--parallelism", 2));
        env.enableCheckpointing(10_000);
        useRocksDb(env);
        score(readPayments(env, source.build()))
                .sinkTo(sink(bootstrapServers, arguments.get("--alert-topic", "fraud-alerts"),
                        arguments.get("--transactional-id-prefix", "card-fraud")).build())
                .name("Alerts to Kafka");
        env.execute("Card fraud scorer");
    }

    /** Keyed state on RocksDB ({@code state.backend.type: rocksdb}); needs weir-statebackend-rocksdb, which the distribution has. */
    public static void useRocksDb(StreamExecutionEnvironment env) {
        env.configure(new Configuration().set(StateBackendOptions.STATE_BACKEND, "rocksdb"));
    }

    public static KafkaSourceBuilder<Payment> source(String bootstrapServers, String topic, String groupId) {
        return KafkaSource.<Payment>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Payment.class));
    }

    /** Event time from each payment; watermarks per Kafka partition, 45 s behind the latest payment. */
    public static DataStream<Payment> readPayments(StreamExecutionEnvironment env, KafkaSource<Payment> source) {
        return env.fromSource(source,
                        WatermarkStrategy.<Payment>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((payment, kafkaTimestamp) -> payment.time()),
                        "Payments")
                .uid("payments");
    }

    /** Both rules' alerts in one stream. */
    public static DataStream<Alert> score(DataStream<Payment> payments) {
        DataStream<Alert> declines = payments
                .filter(Payment::declined)
                .keyBy(Payment::card)
                .window(TumblingEventTimeWindows.of(DECLINE_WINDOW))
                .aggregate(new CountAggregate<Payment>(), new DeclineAlert())
                .uid("declines-per-10-minutes")
                .name("Declines per card and 10 minutes");
        DataStream<Alert> spend = payments
                .filter(payment -> !payment.declined())
                .keyBy(Payment::card)
                .process(new RollingSpend())
                .returns(Types.RECORD(Alert.class))
                .uid("spend-per-24-hours")
                .name("Spend per card over 24 hours");
        return declines.union(spend);
    }

    public static KafkaSinkBuilder<Alert> sink(String bootstrapServers, String topic, String transactionalIdPrefix) {
        return KafkaSink.<Alert>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(KafkaRecordSerializationSchema.<Alert>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(alert -> alert.card().getBytes(StandardCharsets.UTF_8))
                        .setValueSerializationSchema(new JsonSerializationSchema<Alert>())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix);
    }

    /** An alert for a window with {@link #DECLINE_THRESHOLD} declines or more; nothing otherwise. */
    static final class DeclineAlert extends ProcessWindowFunction<Long, Alert, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String card, Context context, Iterable<Long> counts, Collector<Alert> out) {
            long declines = counts.iterator().next();
            if (declines >= DECLINE_THRESHOLD) {
                out.collect(new Alert(card, "DECLINES", context.window().getStart(), declines));
            }
        }
    }

    /**
     * The approved spend of a card over the 24 h up to each payment. A payment first waits in
     * {@code pending} for an event-time timer at its time; when the watermark passes, it moves into
     * {@code recent}, payments older than 24 h leave it, and the sum is checked against the limit.
     */
    static final class RollingSpend extends KeyedProcessFunction<String, Payment, Alert> {
        private static final long serialVersionUID = 1L;
        /** Longer than the 24 h of event time, so TTL only removes cards that stopped paying. */
        private static final Duration STATE_TTL = SPEND_PERIOD.plusHours(1);

        private transient MapState<Long, Long> pending;
        private transient MapState<Long, Long> recent;
        private transient ValueState<Boolean> overLimit;

        @Override
        public void open(OpenContext context) {
            StateTtlConfig ttl = StateTtlConfig.newBuilder(STATE_TTL).build();
            pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-cents", Types.LONG, Types.LONG));
            MapStateDescriptor<Long, Long> recentDescriptor = new MapStateDescriptor<>("recent-cents", Types.LONG, Types.LONG);
            recentDescriptor.enableTimeToLive(ttl);
            recent = getRuntimeContext().getMapState(recentDescriptor);
            ValueStateDescriptor<Boolean> overDescriptor = new ValueStateDescriptor<>("over-limit", Types.BOOLEAN);
            overDescriptor.enableTimeToLive(ttl);
            overLimit = getRuntimeContext().getState(overDescriptor);
        }

        @Override
        public void processElement(Payment payment, Context context, Collector<Alert> out) throws Exception {
            Long waiting = pending.get(payment.time());
            pending.put(payment.time(), (waiting == null ? 0 : waiting) + payment.amount());
            context.timerService().registerEventTimeTimer(payment.time());
        }

        @Override
        public void onTimer(long time, OnTimerContext context, Collector<Alert> out) throws Exception {
            Long cents = pending.get(time);
            if (cents == null) {
                return;
            }
            pending.remove(time);
            Long earlier = recent.get(time);
            recent.put(time, (earlier == null ? 0 : earlier) + cents);
            long oldestKept = time - SPEND_PERIOD.toMillis();
            List<Long> expired = new ArrayList<>();
            long spend = 0;
            for (Map.Entry<Long, Long> entry : recent.entries()) {
                if (entry.getKey() <= oldestKept) {
                    expired.add(entry.getKey());
                } else {
                    spend += entry.getValue();
                }
            }
            for (Long key : expired) {
                recent.remove(key);
            }
            boolean over = spend > SPEND_LIMIT_CENTS;
            if (over && !Boolean.TRUE.equals(overLimit.value())) {
                out.collect(new Alert(context.getCurrentKey(), "SPEND_24H", time, spend));
            }
            overLimit.update(over);
        }
    }
}
