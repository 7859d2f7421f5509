package io.weir.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name AS 'class' [LANGUAGE JAVA]}. */
public final class SqlAlterFunction extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER FUNCTION", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final String className;
    private final String language;
    private final boolean temporary;
    private final boolean system;
    private final boolean ifExists;

    /** @param language as written after LANGUAGE, or null */
    public SqlAlterFunction(SqlParserPos pos, SqlIdentifier name, String className, String language,
            boolean temporary, boolean system, boolean ifExists) {
        super(pos);
        this.name = name;
        this.className = className;
        this.language = language;
        this.temporary = temporary;
        this.system = system;
        this.ifExists = ifExists;
    }

    public SqlIdentifier name() {
        return name;
    }

    public String className() {
        return className;
    }

    /** The language as written, or null: Java when not given. */
    public String language() {
        return language;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public boolean isSystem() {
        return system;
    }

    public boolean ifExists() {
        return ifExists;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER");
        if (temporary) {
            writer.keyword(system ? "TEMPORARY SYSTEM" : "TEMPORARY");
        }
        writer.keyword("FUNCTION");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        writer.keyword("AS");
        writer.literal("'" + className.replace("'", "''") + "'");
        if (language != null) {
            writer.keyword("LANGUAGE");
            writer.keyword(language);
        }
    }
}
