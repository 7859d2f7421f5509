package io.weir.sql.parser.ddl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code LIKE source [(INCLUDING ALL, EXCLUDING OPTIONS, OVERWRITING WATERMARKS, ...)]} at the end
 * of a CREATE TABLE: the new table starts from the source table's definition. The option words are
 * Flink's: a strategy (INCLUDING, EXCLUDING, OVERWRITING) and a feature (ALL, CONSTRAINTS,
 * PARTITIONS, GENERATED, METADATA, OPTIONS, WATERMARKS); OVERWRITING is not allowed with ALL,
 * CONSTRAINTS or PARTITIONS.
 */
public final class SqlTableLike extends SqlCall {

    /** How a feature of the source table is treated. */
    public enum Strategy { INCLUDING, EXCLUDING, OVERWRITING }

    /** A part of the source table's definition. */
    public enum Feature { ALL, CONSTRAINTS, PARTITIONS, GENERATED, METADATA, OPTIONS, WATERMARKS }

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("LIKE TABLE", SqlKind.OTHER);
    private static final Set<Feature> NOT_OVERWRITABLE = Set.of(Feature.ALL, Feature.CONSTRAINTS, Feature.PARTITIONS);

    private final SqlIdentifier source;
    private final Map<Feature, Strategy> options = new LinkedHashMap<>();

    /** @param options "STRATEGY FEATURE" pairs in upper case, as the parser read them */
    public SqlTableLike(SqlParserPos pos, SqlIdentifier source, List<String> options) {
        super(pos);
        this.source = source;
        for (String option : options) {
            String[] words = option.split(" ");
            Strategy strategy = parse(Strategy.class, words[0], pos);
            Feature feature = parse(Feature.class, words[1], pos);
            if (strategy == Strategy.OVERWRITING && NOT_OVERWRITABLE.contains(feature)) {
                throw error(pos, "OVERWRITING cannot be used with " + feature
                        + "; use INCLUDING or EXCLUDING for ALL, CONSTRAINTS and PARTITIONS");
            }
            if (this.options.put(feature, strategy) != null) {
                throw error(pos, "LIKE option " + feature + " is given twice; keep one");
            }
        }
    }

    public SqlIdentifier source() {
        return source;
    }

    /** The options in the order written; features not mentioned follow Flink's defaults. */
    public Map<Feature, Strategy> options() {
        return options;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String word, SqlParserPos pos) {
        try {
            return Enum.valueOf(type, word);
        } catch (IllegalArgumentException e) {
            throw error(pos, "Unknown LIKE option word '" + word + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static CalciteContextException error(SqlParserPos pos, String message) {
        return new CalciteContextException(message, new IllegalArgumentException(message),
                pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(source);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("LIKE");
        source.unparse(writer, 0, 0);
        if (!options.isEmpty()) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            options.forEach((feature, strategy) -> {
                writer.sep(",");
                writer.keyword(strategy.name());
                writer.keyword(feature.name());
            });
            writer.endList(frame);
        }
    }
}
