package com.example;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.*;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.TimeCharacteristic;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.util.Collector;

/** Counts words per window: a Flink 1.x job as many are written. */
public class WordCount {
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setStreamTimeCharacteristic(TimeCharacteristic.ProcessingTime);

        // the input, inline
        DataStream<String> lines = env.fromElements("to be", "or not to be");
        Time size = Time.seconds(5);
        long millis = size.toMilliseconds();
        lines.flatMap(new Tokenizer())
                .keyBy(0)
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
        public void open(Configuration parameters) throws Exception {
            super.open(parameters);
            subtask = getRuntimeContext().getIndexOfThisSubtask();
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
