package io.weir.sql.udf;

import io.weir.sql.catalog.FunctionCatalog;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.functions.ScalarFunction;
import io.weir.sql.functions.TableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * A session's user-defined functions as a Calcite operator table. Two instances serve one
 * statement: the system functions, chained before the built-ins (they shadow them, as in Flink),
 * and the catalog functions, chained after. A table function is found only where a table
 * function may be called ({@code TABLE(f(...))}), a scalar function only elsewhere.
 */
public final class UserFunctionTable implements SqlOperatorTable {

    private final FunctionCatalog functions;
    private final List<String> currentPath;
    private final JavaSqlTypes types;
    private final boolean system;

    private UserFunctionTable(FunctionCatalog functions, List<String> currentPath, JavaSqlTypes types,
            boolean system) {
        this.functions = functions;
        this.currentPath = currentPath;
        this.types = types;
        this.system = system;
    }

    public static UserFunctionTable systemFunctions(FunctionCatalog functions, JavaSqlTypes types) {
        return new UserFunctionTable(functions, List.of(), types, true);
    }

    /** @param currentPath the current catalog and database, which simple names resolve in */
    public static UserFunctionTable catalogFunctions(FunctionCatalog functions, List<String> currentPath,
            JavaSqlTypes types) {
        return new UserFunctionTable(functions, currentPath, types, false);
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operators, SqlNameMatcher matcher) {
        if ((syntax != SqlSyntax.FUNCTION && syntax != SqlSyntax.FUNCTION_ID)
                || (category != null && !category.isUserDefinedNotSpecificFunction())) {
            return;
        }
        boolean tableCall = category != null && category.isTableFunction();
        String simpleName = name.names.get(name.names.size() - 1);
        find(name.names).ifPresent(function -> {
            if (function instanceof TableFunction<?> table && tableCall) {
                operators.add(new TableFunctionOperator(simpleName, table, types));
            } else if (function instanceof ScalarFunction scalar && !tableCall) {
                operators.add(new ScalarFunctionOperator(simpleName, scalar, types));
            } else if (function instanceof AggregateFunction<?, ?> aggregate && !tableCall) {
                operators.add(new AggregateFunctionOperator(simpleName, aggregate, types));
            }
        });
    }

    private Optional<UserDefinedFunction> find(List<String> names) {
        if (system) {
            return names.size() == 1 ? functions.systemFunction(names.get(0)) : Optional.empty();
        }
        ObjectIdentifier id = switch (names.size()) {
            case 1 -> new ObjectIdentifier(currentPath.get(0), currentPath.get(1), names.get(0));
            case 2 -> new ObjectIdentifier(currentPath.get(0), names.get(0), names.get(1));
            case 3 -> new ObjectIdentifier(names.get(0), names.get(1), names.get(2));
            default -> null;
        };
        return id == null ? Optional.empty() : functions.catalogFunction(id);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return List.of();
    }
}
