package com.example;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.tuple.Tuple2;

/**
 * A small keyed, stateful job to start from: it tags the numbers 1 to 10 as "even" or "odd" and
 * keeps a running sum per tag. The sum lives in keyed state, so each tag has its own.
 *
 * <p>Run it with {@code mvn -q compile exec:java}, or package it and hand the jar to
 * {@code bin/weir run -c target/weir-quickstart-0.1.jar com.example.StreamingJob}.
 */
public final class StreamingJob {
    private StreamingJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        sumByParity(env.fromSequence(1, 10)).print();

        env.execute("Quickstart: running sum by parity");
    }

    /**
     * The job's logic, kept apart from its source and sink so that a test can feed it and collect
     * what it emits. In STREAMING mode it emits the new sum after every number; in BATCH mode only
     * the final sum of each tag.
     */
    public static DataStream<Tuple2<String, Long>> sumByParity(DataStream<Long> numbers) {
        return numbers
                .map(new TagWithParity())
                .name("Tag with parity")
                .keyBy(tagged -> tagged.f0)
                .sum(1)
                .name("Sum per parity");
    }

    /**
     * Turns {@code n} into {@code ("even", n)} or {@code ("odd", n)}. A class rather than a lambda:
     * its declared result type tells Weir the tuple's field types, which a lambda's erased
     * signature would not (a lambda needs {@code .returns(Types.TUPLE(Types.STRING, Types.LONG))}).
     */
    static final class TagWithParity implements MapFunction<Long, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<String, Long> map(Long n) {
            return Tuple2.of(n % 2 == 0 ? "even" : "odd", n);
        }
    }
}
