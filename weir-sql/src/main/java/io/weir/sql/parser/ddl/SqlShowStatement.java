package io.weir.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW TABLES}, {@code SHOW VIEWS}, {@code SHOW CURRENT CATALOG}, ... */
public final class SqlShowStatement extends SqlCall {

    /** What a SHOW statement lists. */
    public enum Listing {
        TABLES("TABLES"),
        VIEWS("VIEWS"),
        FUNCTIONS("FUNCTIONS"),
        CATALOGS("CATALOGS"),
        DATABASES("DATABASES"),
        CURRENT_CATALOG("CURRENT CATALOG"),
        CURRENT_DATABASE("CURRENT DATABASE");

        private final String words;

        Listing(String words) {
            this.words = words;
        }

        /** The words after SHOW. */
        public String words() {
            return words;
        }
    }

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

    private final Listing listing;

    public SqlShowStatement(SqlParserPos pos, Listing listing) {
        super(pos);
        this.listing = listing;
    }

    public Listing listing() {
        return listing;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW");
        writer.keyword(listing.words());
    }
}
