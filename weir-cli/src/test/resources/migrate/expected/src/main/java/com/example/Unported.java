package com.example;

import org.apache.flink.api.java.ExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What migrate cannot finish by itself: each is reported with its line. */
public class Unported {
    static ExecutionEnvironment batch = ExecutionEnvironment.getExecutionEnvironment();

    static KeyedStream<Event, ?> byUser(DataStream<Event> events) {
        return events.keyBy("user");
    }

    static Duration window() {
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
