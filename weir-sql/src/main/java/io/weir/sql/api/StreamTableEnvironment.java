package io.weir.sql.api;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.sql.session.SqlSession;

/**
 * A {@link TableEnvironment} bound to a {@link StreamExecutionEnvironment}: SQL jobs run on that
 * environment, with its parallelism and executor, and tables and DataStreams of that environment
 * turn into each other ({@link #fromDataStream}, {@link #toDataStream}, {@link #toChangelogStream}),
 * so one job mixes both APIs.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
 * Table clicks = tableEnv.fromDataStream(clickStream);            // columns from the stream's type
 * Table counts = tableEnv.sqlQuery("SELECT usr, COUNT(*) AS n FROM " + clicks + " GROUP BY usr");
 * tableEnv.toChangelogStream(counts).print();                     // +I, -U, +U rows
 * env.execute();
 * }</pre>
 */
public interface StreamTableEnvironment extends TableEnvironment {

    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment) {
        return SqlSession.create(executionEnvironment, EnvironmentSettings.inStreamingMode());
    }

    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment,
            EnvironmentSettings settings) {
        return SqlSession.create(executionEnvironment, settings);
    }

    /**
     * The stream as an insert-only table: its type's fields (a Row's, a POJO's, a record's, a
     * tuple's {@code f0, f1, ...}) are the columns, a stream of single values has the one column
     * {@code f0}. The stream must belong to this environment.
     */
    <T> Table fromDataStream(DataStream<T> dataStream);

    /**
     * The stream as a table with the columns {@code schema} declares, e.g. its timestamps as a rowtime
     * column with its own watermarks: {@code Schema.newBuilder().columnByMetadata("rowtime",
     * "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build()}.
     */
    <T> Table fromDataStream(DataStream<T> dataStream, Schema schema);

    /** Registers {@code fromDataStream(dataStream)} as a temporary view, which SQL then reads by name. */
    <T> void createTemporaryView(String path, DataStream<T> dataStream);

    /** Registers {@code fromDataStream(dataStream, schema)} as a temporary view. */
    <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema);

    /**
     * The rows of an insert-only table as a stream of this environment (each {@code +I}); nothing
     * runs until the environment executes. A table whose rows are updated (a group aggregate, an
     * outer join, ...) is refused: read it with {@link #toChangelogStream}.
     */
    DataStream<Row> toDataStream(Table table);

    /**
     * The rows of an insert-only table as objects of {@code targetClass}: a POJO's fields, a
     * record's components or a tuple's {@code f0, f1, ...} are set from the columns of the same
     * names (every field needs a column of its type and every column a field, else a
     * {@link ValidationException} names the ones that do not match); {@code Row.class} gives the
     * rows; an atomic class ({@code String.class}, {@code Long.class}, ...) takes a table of one column.
     */
    <T> DataStream<T> toDataStream(Table table, Class<T> targetClass);

    /**
     * As {@link #toDataStream(Table, Class)}, the target given as a data type: {@code DataTypes.of(Click.class)},
     * or an atomic type such as {@code DataTypes.BIGINT()} for a table of one column of that type.
     */
    <T> DataStream<T> toDataStream(Table table, io.weir.sql.types.DataType targetDataType);

    /**
     * A changelog stream as a table ({@code +I}, {@code -U}, {@code +U} and {@code -D} rows, each
     * {@link Row}'s kind kept): the stream's Row type names the columns.
     */
    Table fromChangelogStream(DataStream<Row> dataStream);

    /** As {@link #fromChangelogStream(DataStream)}, the columns (and primary key, watermark) as {@code schema} declares. */
    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema);

    /**
     * A changelog stream of the given kinds as a table. {@code ChangelogMode.upsert()} (+I, +U, -D,
     * no -U) needs a primary key in {@code schema}: each +U overwrites its key's row and -D deletes it,
     * and the table emits the full changelog (the old row as -U before each +U), as Flink's
     * ChangelogNormalize does; {@code ChangelogMode.insertOnly()} is {@link #fromDataStream}.
     */
    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema,
            io.weir.sql.connectors.ChangelogMode changelogMode);

    /** The changes of a table as a stream: every row with its {@link io.weir.api.types.RowKind} (+I, -U, +U, -D). */
    DataStream<Row> toChangelogStream(Table table);

    /**
     * The changes of a table as a stream, its rows of the columns {@code targetSchema} declares: each
     * physical column ({@code column(name, type)}) is the table's column of that name, cast to the type;
     * a metadata column {@code rowtime} is the records' timestamp (which they carry already) and no
     * field; a schema without columns keeps all of them. A name the table lacks fails with its columns.
     */
    DataStream<Row> toChangelogStream(Table table, Schema targetSchema);

    /**
     * As {@link #toChangelogStream(Table, Schema)}, the changes limited to {@code changelogMode}:
     * {@code ChangelogMode.upsert()} drops each {@code -U} (its {@code +U} replaces the row of the
     * key, e.g. {@code primaryKey("name")} of the schema), {@code insertOnly()} refuses an updating
     * table as {@link #toDataStream(Table)} does; a change of another kind the mode lacks fails the job.
     */
    DataStream<Row> toChangelogStream(Table table, Schema targetSchema,
            io.weir.sql.connectors.ChangelogMode changelogMode);
}
