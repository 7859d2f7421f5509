package com.example;

import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.*;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.functions.Collector;
import java.time.Duration;
import io.weir.api.functions.OpenContext;

/** Counts words per window: a Flink 1.x job as many are written. */
public class WordCount {
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        // the input, inline
        DataStream<String> lines = env.fromData("to be", "or not to be");
        Duration size = Duration.ofSeconds(5);
        long millis = size.toMillis();
        lines.flatMap(new Tokenizer())
                .keyBy(value -> value.f0)
                .window(TumblingProcessingTimeWindows.of(size))
                .sum(1)
                .map(new Tagger())
                .addSink(new Discard());
        env.execute("WordCount " + millis);
    }

    /** Splits lines into (word, 1). */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String word : line.split(" ")) {
                out.collect(Tuple2.of(word, 1));
            }
        }
    }

    /** Tags each count with the subtask that saw it. */
    public static final class Tagger extends RichMapFunction<Tuple2<String, Integer>, String> {
        private transient int subtask;

        @Override
        public void open(OpenContext parameters) throws Exception {
            super.open(parameters);
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }

        @Override
        public String map(Tuple2<String, Integer> value) {
            return subtask + ": " + value;
        }
    }

    /** Drops what it gets. */
    public static final class Discard implements SinkFunction<String> {
        @Override
        public void invoke(String value, Context context) {}
    }
}
