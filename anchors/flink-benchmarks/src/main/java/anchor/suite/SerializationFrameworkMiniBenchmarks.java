package anchor.suite;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple8;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.legacy.ParallelSourceFunction;
import org.apache.flink.types.Row;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twin of Weir's {@code SerializationFrameworkMiniBenchmarks} (flink-benchmarks' program of that name): a parallel source of one record
 * type → {@code rebalance()} → discarding sink, so every record crosses an exchange and is
 * serialized once. Every source subtask emits 300,000 records (the figure is per 300,000, as in
 * flink-benchmarks; {@code records} counts all of them), filling one template object and changing
 * its id before each {@code collect}, as flink-benchmarks' sources do. The variants Weir supports:
 * a POJO ({@link MyPojo}, nested POJO array, string array, an {@code Object} field), the same POJO by
 * Kryo (forced with {@link Types#GENERIC}, both classes registered), the same shape as a
 * {@link Tuple8} and as a {@link Row}, at parallelism 4; and a heavy string (1,024 characters,
 * ASCII, Cyrillic or CJK) at parallelism 1. (flink-benchmarks' Avro variant is left out; it forces Kryo
 * with {@code setForceKryo} and registers the POJO types, which Weir's API lacks: here, as in Weir's
 * program, {@link Types#GENERIC} on the source forces Kryo for the whole record.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(SerializationFrameworkMiniBenchmarks.RECORDS)
public class SerializationFrameworkMiniBenchmarks {
    static final int RECORDS = 300_000;
    static final int KEYS = 10;
    static final int STRING_KEYS = 12;
    private static final int CHECK_RECORDS = 1_000;
    private static final int CHECK_SUBTASKS = 2;

    /**
     * Before timing, as Weir's {@code SameProgramSuiteTest}: at parallelism 2, every record of every
     * variant arrives with the id it had when collected (each id equally often; the sources change the
     * template after {@code collect}) and the template's other fields intact; every heavy string arrives.
     */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        checkTemplates(Check.collect(pojo(twoSubtasks(cluster), CHECK_RECORDS)), MyPojo::toString, "serializerPojo");
        checkTemplates(Check.collect(kryo(twoSubtasks(cluster), CHECK_RECORDS)), MyPojo::toString, "serializerKryo");
        checkTemplates(Check.collect(tuple(twoSubtasks(cluster), CHECK_RECORDS)),
                t -> new MyPojo(t.f0, t.f1, t.f2, Arrays.stream(t.f3).map(op -> new MyOperation(op.f0, op.f1))
                        .toArray(MyOperation[]::new), t.f4, t.f5, t.f6, t.f7).toString(), "serializerTuple");
        checkTemplates(Check.collect(row(twoSubtasks(cluster), CHECK_RECORDS)),
                r -> new MyPojo((Integer) r.getField(0), (String) r.getField(1), (String[]) r.getField(2),
                        Arrays.stream((Row[]) r.getField(3))
                                .map(op -> new MyOperation((Integer) op.getField(0), (String) op.getField(1)))
                                .toArray(MyOperation[]::new),
                        (Integer) r.getField(4), (Integer) r.getField(5), (Integer) r.getField(6), r.getField(7))
                        .toString(), "serializerRow");
        String[] strings = heavyStrings();
        TreeMap<String, Integer> perString = new TreeMap<>();
        for (String s : Check.collect(heavyString(cluster.environment(), CHECK_RECORDS))) {
            perString.merge(s, 1, Integer::sum);
        }
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < strings.length; i++) {
            expected.put(strings[i], CHECK_RECORDS / 3 + (CHECK_RECORDS % 3 > i ? 1 : 0));
        }
        Check.equal(expected, perString, "serializerHeavyString: records per string");
    }

    private static StreamExecutionEnvironment twoSubtasks(SuiteCluster cluster) {
        StreamExecutionEnvironment env = cluster.environment();
        env.setParallelism(CHECK_SUBTASKS);
        return env;
    }

    private static <T> void checkTemplates(List<T> out, Function<T, String> describe, String what) {
        TreeMap<String, Integer> perRecord = new TreeMap<>();
        for (T record : out) {
            perRecord.merge(describe.apply(record), 1, Integer::sum);
        }
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (int id = 0; id < KEYS; id++) {
            expected.put(template(id).toString(), CHECK_SUBTASKS * CHECK_RECORDS / KEYS);
        }
        Check.equal(expected, perRecord, what + ": records per content");
    }

    @Benchmark
    public long serializerPojo(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, 4, "serializerPojo", cpu, env -> pojo(env, RECORDS));
    }

    @Benchmark
    public long serializerHeavyString(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, 1, "serializerHeavyString", cpu, env -> heavyString(env, RECORDS));
    }

    @Benchmark
    public long serializerTuple(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, 4, "serializerTuple", cpu, env -> tuple(env, RECORDS));
    }

    @Benchmark
    public long serializerKryo(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, 4, "serializerKryo", cpu, env -> kryo(env, RECORDS));
    }

    @Benchmark
    public long serializerRow(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, 4, "serializerRow", cpu, env -> row(env, RECORDS));
    }

    private interface Program {
        DataStream<?> build(StreamExecutionEnvironment env);
    }

    private static long run(SuiteCluster cluster, int parallelism, String name, ProcessCpuTime cpu, Program program)
            throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.setParallelism(parallelism);
        program.build(env).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, name, (long) RECORDS * parallelism, cpu);
    }

    /** {@link MyPojo}s through a rebalance; every source subtask emits {@code records}. */
    static DataStream<MyPojo> pojo(StreamExecutionEnvironment env, int records) {
        return env.addSource(new PojoSource(records, KEYS)).rebalance();
    }

    /** The same {@link MyPojo}s, serialized by Kryo with both classes registered. */
    static DataStream<MyPojo> kryo(StreamExecutionEnvironment env, int records) {
        SerializerConfigImpl serializers = (SerializerConfigImpl) env.getConfig().getSerializerConfig();
        serializers.registerKryoType(MyPojo.class);
        serializers.registerKryoType(MyOperation.class);
        return env.addSource(new PojoSource(records, KEYS), Types.GENERIC(MyPojo.class)).rebalance();
    }

    static DataStream<Tuple8<Integer, String, String[], Tuple2<Integer, String>[], Integer, Integer, Integer, Object>>
            tuple(StreamExecutionEnvironment env, int records) {
        return env.addSource(new TupleSource(records, KEYS)).rebalance();
    }

    static DataStream<Row> row(StreamExecutionEnvironment env, int records) {
        return env.addSource(new RowSource(records, KEYS)).rebalance();
    }

    static DataStream<String> heavyString(StreamExecutionEnvironment env, int records) {
        return env.addSource(new LongStringSource(records, STRING_KEYS)).rebalance();
    }

    /** The three heavy strings: 1,024 times one character picked (seed 42) from ASCII, Cyrillic and CJK letters. */
    public static String[] heavyStrings() {
        Random random = new Random(42);
        String[] alphabets = {"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
                "中文字符测试数据流处理序列化框架基准"};
        String[] strings = new String[alphabets.length];
        for (int i = 0; i < alphabets.length; i++) {
            char[] buffer = new char[1024];
            Arrays.fill(buffer, alphabets[i].charAt(random.nextInt(alphabets[i].length())));
            strings[i] = new String(buffer);
        }
        return strings;
    }

    /** The template every POJO source fills: {@code id} changes per record, the rest stays. */
    public static MyPojo template(int id) {
        return new MyPojo(id, "myName", new String[] {"op1", "op2", "op3", "op4"},
                new MyOperation[] {new MyOperation(1, "op1"), new MyOperation(2, "op2"), new MyOperation(3, "op3")},
                1, 2, 3, "null");
    }

    /**
     * A source of {@code records} elements per subtask over {@code keys} key ids (0, 1, ..., keys - 1,
     * 0, ...); each element comes from {@link #element}, which may fill and return the same object.
     */
    abstract static class KeyRangeSource<T> implements ParallelSourceFunction<T> {
        private static final long serialVersionUID = 1L;
        final int keys;
        private int remaining;

        KeyRangeSource(int records, int keys) {
            this.remaining = records;
            this.keys = keys;
        }

        void init() {}

        abstract T element(int keyId);

        @Override
        public void run(SourceContext<T> out) {
            init();
            int keyId = 0;
            while (--remaining >= 0) {
                T element = element(keyId);
                synchronized (out.getCheckpointLock()) {
                    out.collect(element);
                }
                keyId = keyId + 1 == keys ? 0 : keyId + 1;
            }
        }

        @Override
        public void cancel() {
            remaining = 0;
        }
    }

    static final class PojoSource extends KeyRangeSource<MyPojo> {
        private static final long serialVersionUID = 1L;
        private transient MyPojo template;

        PojoSource(int records, int keys) {
            super(records, keys);
        }

        @Override
        void init() {
            template = template(0);
        }

        @Override
        MyPojo element(int keyId) {
            template.setId(keyId);
            return template;
        }
    }

    static final class LongStringSource extends KeyRangeSource<String> {
        private static final long serialVersionUID = 1L;
        private transient String[] strings;

        LongStringSource(int records, int keys) {
            super(records, keys);
        }

        @Override
        void init() {
            strings = heavyStrings();
        }

        @Override
        String element(int keyId) {
            return strings[keyId % strings.length];
        }
    }

    static final class TupleSource extends KeyRangeSource<
            Tuple8<Integer, String, String[], Tuple2<Integer, String>[], Integer, Integer, Integer, Object>> {
        private static final long serialVersionUID = 1L;
        private transient Tuple8<Integer, String, String[], Tuple2<Integer, String>[], Integer, Integer, Integer, Object> template;

        TupleSource(int records, int keys) {
            super(records, keys);
        }

        @Override
        @SuppressWarnings("unchecked")
        void init() {
            template = Tuple8.of(0, "myName", new String[] {"op1", "op2", "op3", "op4"},
                    new Tuple2[] {Tuple2.of(1, "op1"), Tuple2.of(2, "op2"), Tuple2.of(3, "op3")}, 1, 2, 3, "null");
        }

        @Override
        Tuple8<Integer, String, String[], Tuple2<Integer, String>[], Integer, Integer, Integer, Object> element(int keyId) {
            template.f0 = keyId;
            return template;
        }
    }

    static final class RowSource extends KeyRangeSource<Row> implements ResultTypeQueryable<Row> {
        private static final long serialVersionUID = 1L;
        private transient Row template;

        RowSource(int records, int keys) {
            super(records, keys);
        }

        @Override
        void init() {
            template = Row.of(0, "myName", new String[] {"op1", "op2", "op3", "op4"},
                    new Row[] {Row.of(1, "op1"), Row.of(2, "op2"), Row.of(3, "op3")}, 1, 2, 3, "null");
        }

        @Override
        Row element(int keyId) {
            template.setField(0, keyId);
            return template;
        }

        @Override
        public TypeInformation<Row> getProducedType() {
            return rowType();
        }
    }

    /** The row type of {@link RowSource}: {@link MyPojo}'s fields, the operations as rows. */
    public static TypeInformation<Row> rowType() {
        return Types.ROW(Types.INT, Types.STRING, Types.OBJECT_ARRAY(Types.STRING),
                Types.OBJECT_ARRAY(Types.ROW(Types.INT, Types.STRING)), Types.INT, Types.INT, Types.INT,
                Types.GENERIC(Object.class));
    }

    /** A POJO of private fields with getters and setters, a nested POJO array and an {@code Object} field. */
    public static final class MyPojo {
        private int id;
        private String name;
        private String[] operationNames;
        private MyOperation[] operations;
        private int otherId1;
        private int otherId2;
        private int otherId3;
        private Object someObject;

        public MyPojo() {}

        public MyPojo(int id, String name, String[] operationNames, MyOperation[] operations, int otherId1,
                int otherId2, int otherId3, Object someObject) {
            this.id = id;
            this.name = name;
            this.operationNames = operationNames;
            this.operations = operations;
            this.otherId1 = otherId1;
            this.otherId2 = otherId2;
            this.otherId3 = otherId3;
            this.someObject = someObject;
        }

        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String[] getOperationNames() {
            return operationNames;
        }

        public void setOperationNames(String[] operationNames) {
            this.operationNames = operationNames;
        }

        public MyOperation[] getOperations() {
            return operations;
        }

        public void setOperations(MyOperation[] operations) {
            this.operations = operations;
        }

        public int getOtherId1() {
            return otherId1;
        }

        public void setOtherId1(int otherId1) {
            this.otherId1 = otherId1;
        }

        public int getOtherId2() {
            return otherId2;
        }

        public void setOtherId2(int otherId2) {
            this.otherId2 = otherId2;
        }

        public int getOtherId3() {
            return otherId3;
        }

        public void setOtherId3(int otherId3) {
            this.otherId3 = otherId3;
        }

        public Object getSomeObject() {
            return someObject;
        }

        public void setSomeObject(Object someObject) {
            this.someObject = someObject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MyPojo p && id == p.id && otherId1 == p.otherId1 && otherId2 == p.otherId2
                    && otherId3 == p.otherId3 && Objects.equals(name, p.name)
                    && Arrays.equals(operationNames, p.operationNames) && Arrays.equals(operations, p.operations)
                    && Objects.equals(someObject, p.someObject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name, Arrays.hashCode(operationNames), Arrays.hashCode(operations), otherId1,
                    otherId2, otherId3, someObject);
        }

        @Override
        public String toString() {
            return "MyPojo(" + id + ", " + name + ", " + Arrays.toString(operationNames) + ", "
                    + Arrays.toString(operations) + ", " + otherId1 + ", " + otherId2 + ", " + otherId3 + ", "
                    + someObject + ")";
        }
    }

    /** The nested POJO of {@link MyPojo}. */
    public static final class MyOperation {
        private int id;
        private String name;

        public MyOperation() {}

        public MyOperation(int id, String name) {
            this.id = id;
            this.name = name;
        }

        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MyOperation op && id == op.id && Objects.equals(name, op.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name);
        }

        @Override
        public String toString() {
            return "(" + id + ", " + name + ")";
        }
    }
}
