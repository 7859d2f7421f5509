package io.weir.bench.jmh.suite;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.source.ParallelSourceFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple8;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.bench.jmh.ProcessCpuTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * flink-benchmarks' {@code SerializationFrameworkMiniBenchmarks}: a parallel source of one record
 * type → {@code rebalance()} → discarding sink, so every record crosses an exchange and is
 * serialized once. Every source subtask emits 300,000 records (the figure is per 300,000, as in
 * flink-benchmarks; {@code records} counts all of them), filling one template object and changing
 * its id before each {@code collect}, as flink-benchmarks' sources do. The variants Weir supports:
 * a POJO ({@link MyPojo}, nested POJO array, string array, an {@code Object} field), the same POJO by
 * Kryo (forced with {@link Types#GENERIC}, both classes registered), the same shape as a
 * {@link Tuple8} and as a {@link Row}, at parallelism 4; and a heavy string (1,024 characters,
 * ASCII, Cyrillic or CJK) at parallelism 1. (flink-benchmarks' Avro variant is left out.)
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

    @Benchmark
    public long serializerPojo(ProcessCpuTime cpu) throws Exception {
        return run(4, "serializerPojo", cpu, env -> pojo(env, RECORDS));
    }

    @Benchmark
    public long serializerHeavyString(ProcessCpuTime cpu) throws Exception {
        return run(1, "serializerHeavyString", cpu, env -> heavyString(env, RECORDS));
    }

    @Benchmark
    public long serializerTuple(ProcessCpuTime cpu) throws Exception {
        return run(4, "serializerTuple", cpu, env -> tuple(env, RECORDS));
    }

    @Benchmark
    public long serializerKryo(ProcessCpuTime cpu) throws Exception {
        return run(4, "serializerKryo", cpu, env -> kryo(env, RECORDS));
    }

    @Benchmark
    public long serializerRow(ProcessCpuTime cpu) throws Exception {
        return run(4, "serializerRow", cpu, env -> row(env, RECORDS));
    }

    private interface Program {
        DataStream<?> build(StreamExecutionEnvironment env);
    }

    private static long run(int parallelism, String name, ProcessCpuTime cpu, Program program) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.setParallelism(parallelism);
        program.build(env).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, name, (long) RECORDS * parallelism, cpu);
    }

    /** {@link MyPojo}s through a rebalance; every source subtask emits {@code records}. */
    public static DataStream<MyPojo> pojo(StreamExecutionEnvironment env, int records) {
        return env.addSource(new PojoSource(records, KEYS)).rebalance();
    }

    /** The same {@link MyPojo}s, serialized by Kryo with both classes registered. */
    public static DataStream<MyPojo> kryo(StreamExecutionEnvironment env, int records) {
        env.getConfig().getSerializerConfig().registerKryoType(MyPojo.class);
        env.getConfig().getSerializerConfig().registerKryoType(MyOperation.class);
        return env.addSource(new PojoSource(records, KEYS), Types.GENERIC(MyPojo.class)).rebalance();
    }

    public static DataStream<Tuple8<Integer, String, String[], Tuple2<Integer, String>[], Integer, Integer, Integer, Object>>
            tuple(StreamExecutionEnvironment env, int records) {
        return env.addSource(new TupleSource(records, KEYS)).rebalance();
    }

    public static DataStream<Row> row(StreamExecutionEnvironment env, int records) {
        return env.addSource(new RowSource(records, KEYS)).rebalance();
    }

    public static DataStream<String> heavyString(StreamExecutionEnvironment env, int records) {
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
