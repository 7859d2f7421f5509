package io.weir.sql.parser.ddl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * An interval column type, {@code INTERVAL DAY} or {@code INTERVAL YEAR TO MONTH}: Calcite reads
 * interval qualifiers only inside CAST, Flink also in column declarations.
 */
public final class SqlIntervalTypeNameSpec extends SqlTypeNameSpec {

    private final SqlIntervalQualifier qualifier;

    public SqlIntervalTypeNameSpec(SqlIntervalQualifier qualifier) {
        super(new SqlIdentifier("INTERVAL", qualifier.getParserPosition()), qualifier.getParserPosition());
        this.qualifier = qualifier;
    }

    public SqlIntervalQualifier qualifier() {
        return qualifier;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        return validator.getTypeFactory().createSqlIntervalType(qualifier);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("INTERVAL");
        qualifier.unparse(writer, 0, 0);
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        if (spec instanceof SqlIntervalTypeNameSpec other && qualifier.equalsDeep(other.qualifier, litmus)) {
            return true;
        }
        return litmus.fail("{} != {}", this, spec);
    }
}
