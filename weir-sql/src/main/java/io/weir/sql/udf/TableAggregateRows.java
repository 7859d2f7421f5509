package io.weir.sql.udf;

import io.weir.api.tuple.Tuple;
import io.weir.api.types.Row;
import io.weir.sql.functions.TableAggregateFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The SQL row type of the rows a {@link TableAggregateFunction} emits: a hint on its class or its
 * {@code emitValue} method, or else its type argument {@code T}: a tuple's type arguments as fields
 * {@code f0, f1, ...}, a single value's class as the one field {@code f0}.
 */
final class TableAggregateRows {

    private TableAggregateRows() {
    }

    /**
     * The row type of the emitted rows; for a function with {@code emitUpdateWithRetract}, followed by
     * the BOOLEAN field {@value TableAggregateFunction#RETRACT_FIELD} that marks a retraction.
     */
    static RelDataType rowType(String name, TableAggregateFunction<?, ?> function, JavaSqlTypes types) {
        RelDataType rows = emittedRowType(name, function, types);
        if (TableAggregateFunction.emitUpdateWithRetractMethod(function.getClass()) == null) {
            return rows;
        }
        List<RelDataType> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        rows.getFieldList().forEach(field -> {
            fields.add(field.getType());
            names.add(field.getName());
        });
        fields.add(types.typeFactory().createTypeWithNullability(
                types.typeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.BOOLEAN), false));
        names.add(TableAggregateFunction.RETRACT_FIELD);
        return types.typeFactory().createStructType(fields, names);
    }

    private static RelDataType emittedRowType(String name, TableAggregateFunction<?, ?> function, JavaSqlTypes types) {
        Method emitValue = TableAggregateFunction.emitValueMethod(function.getClass());
        if (emitValue == null) {
            emitValue = TableAggregateFunction.emitUpdateWithRetractMethod(function.getClass());
        }
        RelDataType hinted = types.hinted(emitValue, emitValue.toString());
        if (hinted == null) {
            hinted = types.hinted(function.getClass(), function.getClass().getName());
        }
        if (hinted != null) {
            return hinted.isStruct() ? hinted : row(types, List.of(hinted));
        }
        Type emitted = emittedType(function.getClass());
        List<RelDataType> fields = new ArrayList<>();
        Class<?> emittedClass = rawClass(emitted);
        if (emittedClass != null && Tuple.class.isAssignableFrom(emittedClass)
                && emitted instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                fields.add(argument instanceof Class<?> c ? types.ofClass(c) : null);
            }
        } else if (emittedClass != null && emittedClass != Row.class) {
            fields.add(types.ofClass(emittedClass));
        }
        if (fields.isEmpty() || fields.contains(null)) {
            throw StatementPlaces.error(Subject.call(name), "Table aggregate function " + name + ": the class of its rows ("
                    + emitted.getTypeName() + ") gives no SQL row type; annotate the class with "
                    + "@FunctionHint(output = @DataTypeHint(\"ROW<v INT, rank INT>\")) or emit a tuple of simple "
                    + "classes, such as Tuple2<Integer, Integer>");
        }
        return row(types, fields);
    }

    private static RelDataType row(JavaSqlTypes types, List<RelDataType> fields) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            names.add("f" + i);
        }
        return types.typeFactory().createStructType(fields, names);
    }

    /** The type argument {@code T} the function's class gives {@code TableAggregateFunction<T, ACC>}. */
    private static Type emittedType(Class<?> functionClass) {
        for (Class<?> c = functionClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == TableAggregateFunction.class) {
                return parameterized.getActualTypeArguments()[0];
            }
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c
                ? c : null;
    }
}
