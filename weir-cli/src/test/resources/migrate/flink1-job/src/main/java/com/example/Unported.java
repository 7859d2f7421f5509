package com.example;

import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.windowing.time.Time;
import java.util.concurrent.TimeUnit;

/** What migrate cannot finish by itself: each is reported with its line. */
public class Unported {
    static ExecutionEnvironment batch = ExecutionEnvironment.getExecutionEnvironment();

    static KeyedStream<Event, ?> byUser(DataStream<Event> events) {
        return events.keyBy("user");
    }

    static Time window() {
        return Time.of(5, TimeUnit.SECONDS);
    }

    static int subtask(RuntimeContext context) {
        return context.getIndexOfThisSubtask();
    }

    public static final class Prefixer extends RichMapFunction<String, String> {
        private transient String prefix;

        @Override
        public void open(Configuration config) {
            prefix = config.getString("prefix", ">");
        }

        @Override
        public String map(String value) {
            return prefix + value;
        }
    }

    /** A POJO. */
    public static final class Event {
        public String user;
    }
}
