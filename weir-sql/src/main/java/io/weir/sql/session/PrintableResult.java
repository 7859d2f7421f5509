package io.weir.sql.session;

import java.io.PrintStream;

/** A result that can print its tableau to any stream; {@code TableResult.print()} uses stdout. */
public interface PrintableResult {

    void print(PrintStream out);

    /**
     * Whether the rows come from a query running as a job: they arrive while it runs, carry their
     * change kind, and may never end (an unbounded source). A client shows these in its result
     * modes; other results (SHOW, DESCRIBE, SET, ...) are complete and small.
     */
    default boolean isQueryResult() {
        return false;
    }
}
