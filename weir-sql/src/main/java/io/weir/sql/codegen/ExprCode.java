package io.weir.sql.codegen;

import org.apache.calcite.rel.type.RelDataType;

/**
 * The result of generating code for one expression: the names of the generated local variables
 * holding whether it is null and its value (meaningful only when not null), and its SQL type.
 */
record ExprCode(String nullTerm, String valueTerm, RelDataType type) {
}
