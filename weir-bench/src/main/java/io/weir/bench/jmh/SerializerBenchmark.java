package io.weir.bench.jmh;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeHint;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializing, deserializing and copying one Nexmark bid (7 fields, 3 strings, ~140 bytes) with the
 * serializer Weir picks for each shape: {@code record} (RecordSerializer), {@code pojo}
 * (PojoSerializer), {@code tuple} (TupleSerializer) and {@code generic} (the Kryo fallback).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SerializerBenchmark {
    @Param({"record", "pojo", "tuple", "generic"})
    public String shape;

    private TypeSerializer<Object> serializer;
    private Object value;
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private byte[] bytes;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws IOException {
        TypeInformation<?> type;
        switch (shape) {
            case "record" -> {
                value = BenchData.RECORD;
                type = TypeInformation.of(io.weir.bench.nexmark.Bid.class);
            }
            case "pojo" -> {
                value = BenchData.BidPojo.of(BenchData.RECORD);
                type = TypeInformation.of(BenchData.BidPojo.class);
            }
            case "tuple" -> {
                value = BenchData.tuple(BenchData.RECORD);
                type = TypeInformation.of(new TypeHint<io.weir.api.tuple.Tuple7<Long, Long, Long, String, String, Long,
                        String>>() { });
            }
            case "generic" -> {
                value = new BenchData.BidValue(BenchData.RECORD);
                type = TypeInformation.of(BenchData.BidValue.class);
            }
            default -> throw new IllegalArgumentException("Unknown shape " + shape);
        }
        serializer = (TypeSerializer<Object>) type.createSerializer(new SerializerConfig());
        out.clear();
        serializer.serialize(value, out);
        bytes = out.getCopyOfBuffer();
    }

    @Benchmark
    public int serialize() throws IOException {
        out.clear();
        serializer.serialize(value, out);
        return out.length();
    }

    @Benchmark
    public Object deserialize() throws IOException {
        in.setBuffer(bytes);
        return serializer.deserialize(in);
    }

    @Benchmark
    public Object copy() {
        return serializer.copy(value);
    }
}
