package io.weir.sql.session;

import java.io.PrintStream;

/** A result that can print its tableau to any stream; {@code TableResult.print()} uses stdout. */
public interface PrintableResult {

    void print(PrintStream out);
}
