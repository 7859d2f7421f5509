package anchor.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

/**
 * The result checks the twin runs before it times a program (in each benchmark's trial setup), as
 * Weir's {@code SameProgramSuiteTest} checks Weir's: the program, run small on the trial's cluster,
 * gives exactly the expected records. A failed check ends the trial with the benchmark's name, the
 * expected and the actual result, so no figure is taken of a program that does not do its work.
 */
final class Check {
    private Check() {}

    /** Runs the job of {@code stream} and returns everything it emitted. */
    static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> results = stream.executeAndCollect()) {
            results.forEachRemaining(out::add);
        }
        return out;
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException("Result check failed before timing (" + what + "): expected "
                    + abbreviate(expected) + " but the program gave " + abbreviate(actual)
                    + "; the twin's program differs from Weir's, fix it before comparing");
        }
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " characters)";
    }
}
