package io.weir.bench.kafka;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.connector.kafka.source.OffsetsInitializer;
import java.lang.management.ManagementFactory;

/**
 * The Kafka benchmark's job on Weir, run in a JVM of its own by {@code bench kafka}: reads the input
 * topic from its start to its end at job start (bounded), counts the records per key (the value up to
 * its first comma) in keyed state, and writes {@code key,count,<rest of the input>} per record to the
 * output topic, at-least-once or exactly-once (transactions committed with each checkpoint). Its twin
 * on Flink 2.3 and flink-connector-kafka is {@code anchor.kafka.KafkaCountJob} in
 * {@code anchors/flink-benchmarks}, the same program line for line.
 *
 * <p>Arguments: bootstrap servers, input topic, output topic, {@code exactly-once|at-least-once},
 * checkpoint interval in ms, the run's name (group id and transactional-id prefix), and optionally
 * {@code unbounded} (the latency phase: the source does not stop; the benchmark ends the JVM). Prints
 * {@code RESULT millis=<wall time of execute> cpuNanos=<process CPU time of execute>}.
 */
public final class KafkaCountJob {
    private KafkaCountJob() {}

    /** The running count of the record's key, emitted with the record. */
    static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            Long previous = count.value();
            long next = previous == null ? 1 : previous + 1;
            count.update(next);
            int comma = value.indexOf(',');
            out.collect(value.substring(0, comma) + "," + next + value.substring(comma));
        }
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String input = args[1];
        String output = args[2];
        DeliveryGuarantee guarantee = args[3].equals("exactly-once") ? DeliveryGuarantee.EXACTLY_ONCE
                : DeliveryGuarantee.AT_LEAST_ONCE;
        long checkpointInterval = Long.parseLong(args[4]);
        String name = args[5];
        boolean bounded = args.length < 7 || !args[6].equals("unbounded");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(checkpointInterval);
        KafkaSourceBuilder<String> sourceBuilder = KafkaSource.<String>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(input)
                .setGroupId(name)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema());
        if (bounded) {
            sourceBuilder.setBounded(OffsetsInitializer.latest());
        }
        KafkaSource<String> source = sourceBuilder.build();
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                        .setTopic(output)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(name)
                .setProperty("transaction.timeout.ms", "600000")
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
                .keyBy(value -> value.substring(0, value.indexOf(',')))
                .process(new CountPerKey())
                .sinkTo(sink);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        env.execute("kafka count " + name);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RESULT millis=" + millis + " cpuNanos=" + (os.getProcessCpuTime() - cpu));
        System.exit(0);
    }
}
