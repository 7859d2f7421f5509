package io.weir.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bench jmh [JMH options] [benchmark regexps]}: runs the JMH micro-benchmarks of
 * {@code io.weir.bench.jmh} with JMH's own command line ({@code bench jmh -h} lists its options).
 */
@Command(name = "jmh", description = {"Runs the JMH micro-benchmarks; arguments go to JMH as they are.",
        "Example: bin/weir bench jmh -f 1 -wi 3 -i 5 Serializer"})
final class JmhCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ARG", description = "JMH options and benchmark regexps.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}
