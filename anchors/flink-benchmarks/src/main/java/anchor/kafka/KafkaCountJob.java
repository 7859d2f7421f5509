package anchor.kafka;

import java.lang.management.ManagementFactory;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The Flink twin of Weir's {@code io.weir.bench.kafka.KafkaCountJob} (weir-bench), for
 * {@code bin/weir bench kafka}: the same program on Flink 2.3.0 with flink-connector-kafka 5.0.0-2.2.
 * Reads the input topic from its start to its end at job start (bounded), counts the records per key
 * (the value up to its first comma) in keyed state, and writes {@code key,count,<rest of the input>}
 * per record to the output topic, at-least-once or exactly-once. A local environment (a MiniCluster in
 * this JVM, REST on a free port), parallelism 1, checkpoints every given interval, as Weir's job.
 *
 * <p>Arguments (with the optional {@code unbounded} for the latency phase) and the printed
 * {@code RESULT} line are those of Weir's job.
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

        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
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
