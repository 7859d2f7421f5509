package io.weir.sql.planner;

import io.weir.sql.parser.StatementPlaces;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Flink's window table functions, {@code TUMBLE(TABLE t, DESCRIPTOR(ts), size)},
 * {@code HOP(TABLE t, DESCRIPTOR(ts), slide, size)}, {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, size)}
 * and {@code SESSION(TABLE t [PARTITION BY (k, ...)], DESCRIPTOR(ts), gap)}, for the validator: they return the input's columns plus {@code window_start}, {@code window_end}
 * and {@code window_time} (Calcite's own TUMBLE and HOP lack {@code window_time}, and it has no
 * CUMULATE). {@link SessionPartitionRewriter} has moved SESSION's {@code PARTITION BY} keys into a
 * fourth operand, {@code DESCRIPTOR(k, ...)}, before validation. Registered through Calcite's operator table extension point; {@link #operatorTable()}
 * is the standard table with Calcite's window table functions replaced by these.
 */
final class WindowTableFunctions {

    static final List<String> WINDOW_COLUMNS = List.of("window_start", "window_end", "window_time");

    /** SESSION's optional fourth operand: the PARTITION BY keys, as a DESCRIPTOR of the table's columns. */
    static final String SESSION_PARTITION = "PARTITION";

    /**
     * TUMBLE's, HOP's and CUMULATE's optional last operand, as in Flink: an INTERVAL the windows are
     * shifted by from the epoch ({@code TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' HOUR, INTERVAL '12' MINUTE)}
     * has the windows {@code [00:12, 01:12)}, ...); it may be negative.
     */
    static final String OFFSET = "OFFSET";

    private WindowTableFunctions() {
    }

    static SqlOperatorTable operatorTable() {
        SqlOperatorTable windows = SqlOperatorTables.of(
                new FlinkWindowFunction("TUMBLE", List.of("DATA", "TIMECOL", "SIZE", OFFSET)),
                new FlinkWindowFunction("HOP", List.of("DATA", "TIMECOL", "SLIDE", "SIZE", OFFSET)),
                new FlinkWindowFunction("CUMULATE", List.of("DATA", "TIMECOL", "STEP", "SIZE", OFFSET)),
                new FlinkWindowFunction("SESSION", List.of("DATA", "TIMECOL", "GAP", SESSION_PARTITION)));
        return SqlOperatorTables.chain(windows, new WithoutCalciteWindows(SqlStdOperatorTable.instance()));
    }

    /**
     * Calcite's standard operators (with their own lookup rules, e.g. for COUNT(*)) minus its window
     * functions and its OVER-only FIRST_VALUE/LAST_VALUE (Weir's own run in GROUP BY too, see
     * {@link FirstLastValueFunction}).
     */
    private record WithoutCalciteWindows(SqlOperatorTable standard) implements SqlOperatorTable {

        private static boolean replaced(SqlOperator operator) {
            return operator instanceof SqlWindowTableFunction
                    || operator instanceof org.apache.calcite.sql.fun.SqlFirstLastValueAggFunction;
        }

        @Override
        public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                List<SqlOperator> operators, SqlNameMatcher matcher) {
            List<SqlOperator> found = new ArrayList<>();
            standard.lookupOperatorOverloads(name, category, syntax, found, matcher);
            found.removeIf(WithoutCalciteWindows::replaced);
            operators.addAll(found);
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            List<SqlOperator> operators = new ArrayList<>(standard.getOperatorList());
            operators.removeIf(WithoutCalciteWindows::replaced);
            return operators;
        }
    }

    /** One window table function: a table, a DESCRIPTOR of a timestamp column, then intervals. */
    private static final class FlinkWindowFunction extends SqlWindowTableFunction {

        FlinkWindowFunction(String name, List<String> params) {
            super(name, new Operands(params));
        }

        @Override
        public SqlReturnTypeInference getRowTypeInference() {
            return binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                RelDataTypeFactory.Builder builder = factory.builder().addAll(binding.getOperandType(0).getFieldList());
                RelDataType timestamp = factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
                builder.add(WINDOW_COLUMNS.get(0), timestamp);
                builder.add(WINDOW_COLUMNS.get(1), timestamp);
                // window_time has the time column's type, as in Flink: over a TIMESTAMP_LTZ it is the instant
                // the window fires (its bounds are wall times in the session zone).
                builder.add(WINDOW_COLUMNS.get(2), !getName().equals("SESSION") && ltzTime(binding)
                        ? factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3) : timestamp);
                return builder.build();
            };
        }
    }

    /** Whether the DESCRIPTOR of a window function's call names a TIMESTAMP_LTZ column. */
    private static boolean ltzTime(org.apache.calcite.sql.SqlOperatorBinding binding) {
        if (!(binding instanceof SqlCallBinding call) || !(call.operand(1) instanceof SqlCall descriptor)
                || descriptor.operandCount() != 1 || !(descriptor.operand(0) instanceof SqlIdentifier column)) {
            return false;
        }
        RelDataTypeField field = binding.getOperandType(0).getField(column.getSimple(), true, false);
        return field != null && field.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private record Operands(List<String> params) implements SqlOperandMetadata {

        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory factory) {
            List<RelDataType> types = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                types.add(factory.createSqlType(SqlTypeName.ANY));
            }
            return types;
        }

        @Override
        public List<String> paramNames() {
            return params;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            String problem = problem(binding);
            if (problem != null && throwOnFailure) {
                SqlParserPos pos = binding.getCall().getParserPosition();
                throw StatementPlaces.error(pos, problem);
            }
            return problem == null;
        }

        private String problem(SqlCallBinding binding) {
            String name = binding.getOperator().getName();
            SqlNode descriptor = binding.operand(1);
            if (!(descriptor instanceof SqlCall call) || call.getKind() != SqlKind.DESCRIPTOR
                    || call.operandCount() != 1) {
                return name + " needs DESCRIPTOR(time_column) as its second argument";
            }
            String column = ((SqlIdentifier) call.operand(0)).getSimple();
            RelDataTypeField field = binding.getOperandType(0).getField(column, true, false);
            if (field == null) {
                return name + ": DESCRIPTOR(" + column + ") names no column of the input table; it has "
                        + binding.getOperandType(0).getFieldNames();
            }
            SqlTypeName timeType = field.getType().getSqlTypeName();
            if (timeType != SqlTypeName.TIMESTAMP && timeType != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                return name + ": the time column '" + column + "' must be a TIMESTAMP(3) or TIMESTAMP_LTZ(3) time "
                        + "attribute, not "
                        + field.getType().getFullTypeString();
            }
            if (params.contains(SESSION_PARTITION) && binding.getOperandCount() == params.size()) {
                String partitionProblem = partitionProblem(binding);
                if (partitionProblem != null) {
                    return partitionProblem;
                }
            }
            for (int i = 2; i < binding.getOperandCount(); i++) {
                if (params.get(i).equals(SESSION_PARTITION)) {
                    continue;
                }
                if (!SqlTypeFamily.DATETIME_INTERVAL.contains(binding.getOperandType(i))) {
                    return name + ": argument " + (i + 1) + " must be an INTERVAL such as INTERVAL '10' SECOND";
                }
            }
            return null;
        }

        /** The PARTITION BY keys must be columns of the input table. */
        private static String partitionProblem(SqlCallBinding binding) {
            SqlCall keys = (SqlCall) binding.operand(3);
            for (SqlNode key : keys.getOperandList()) {
                String column = ((SqlIdentifier) key).getSimple();
                if (binding.getOperandType(0).getField(column, true, false) == null) {
                    return "SESSION: PARTITION BY " + column + " names no column of the input table; it has "
                            + binding.getOperandType(0).getFieldNames();
                }
            }
            return null;
        }

        @Override
        public boolean isOptional(int i) {
            return params.get(i).equals(SESSION_PARTITION) || params.get(i).equals(OFFSET);
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(params.size() - 1, params.size());
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            if (params.contains(SESSION_PARTITION)) {
                return opName + "(TABLE table [PARTITION BY (key, ...)], DESCRIPTOR(time_column), gap INTERVAL)";
            }
            return opName + "(TABLE table, DESCRIPTOR(time_column), " + String.join(", ",
                    params.subList(2, params.size() - 1).stream().map(p -> p.toLowerCase() + " INTERVAL").toList())
                    + " [, offset INTERVAL])";
        }
    }
}
