package io.weir.sql.planner;

import org.apache.calcite.runtime.CalciteContextException;

/** Turns Calcite's validation errors into Weir's messages: position first, then what is wrong. */
final class ValidationMessages {

    private ValidationMessages() {
    }

    static String describe(CalciteContextException e) {
        String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return "SQL validation error at line " + e.getPosLine() + ", column " + e.getPosColumn() + ": " + cause;
    }
}
