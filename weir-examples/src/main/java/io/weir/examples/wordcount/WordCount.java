package io.weir.examples.wordcount;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.tuple.Tuple2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Counts the words of a text: the classic first job. Reads the file given with
 * {@code --input <path>}, or a built-in text, splits lines into lower-case words, and prints one
 * {@code (word,count)} line per word.
 *
 * <p>Runs in BATCH mode, so each word is printed once with its final count; with
 * {@code --streaming} every update is printed as it happens.
 *
 * <pre>bin/weir example wordcount [--input file.txt] [--parallelism 2] [--streaming]</pre>
 */
public final class WordCount {
    private WordCount() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(options.parallelism);
        env.setRuntimeMode(options.streaming ? RuntimeExecutionMode.STREAMING : RuntimeExecutionMode.BATCH);

        List<String> lines = options.input == null ? BuiltInText.LINES
                : Files.readAllLines(options.input, StandardCharsets.UTF_8);
        DataStream<String> text = env.fromData(lines);

        text.flatMap(new Tokenizer())
                .name("Tokenizer")
                .keyBy(wordAndCount -> wordAndCount.f0)
                .sum(1)
                .name("Counter")
                .print();

        env.execute("WordCount");
    }

    /** Splits a line into lower-case words and emits {@code (word, 1)} for each. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String word : line.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!word.isEmpty()) {
                    out.collect(Tuple2.of(word, 1));
                }
            }
        }
    }

    private static final class Options {
        private Path input;
        private int parallelism = 2;
        private boolean streaming;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--input":
                        o.input = Path.of(value(args, ++i, "--input"));
                        if (!Files.isReadable(o.input)) {
                            throw new IllegalArgumentException("--input: cannot read file " + o.input.toAbsolutePath());
                        }
                        break;
                    case "--parallelism":
                        o.parallelism = Integer.parseInt(value(args, ++i, "--parallelism"));
                        break;
                    case "--streaming":
                        o.streaming = true;
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown argument '" + args[i]
                                + "'. Usage: wordcount [--input <file>] [--parallelism <n>] [--streaming]");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }
}
