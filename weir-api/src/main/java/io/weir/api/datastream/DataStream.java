package io.weir.api.datastream;

import io.weir.api.connector.sink.PrintSink;
import io.weir.api.connector.sink.Sink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.Partitioner;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.operators.ProcessOperator;
import io.weir.api.operators.StreamFilter;
import io.weir.api.operators.StreamFlatMap;
import io.weir.api.operators.StreamMap;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.Window;
import io.weir.api.transformations.CollectTransformation;
import io.weir.api.transformations.CustomPartitioning;
import io.weir.api.transformations.Exchange;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.operators.StreamSink;
import io.weir.api.transformations.OneInputTransformation;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.OperatorInstance;
import io.weir.api.transformations.PartitionTransformation;
import io.weir.api.transformations.SinkTransformation;
import io.weir.api.transformations.TimestampsAndWatermarksDescription;
import io.weir.api.transformations.Transformation;
import io.weir.api.transformations.UnionTransformation;
import io.weir.api.types.TypeExtractor;
import io.weir.api.tuple.Tuple;
import io.weir.api.types.TypeInformation;
import io.weir.api.environment.ExecutionConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of elements of one type. Operations return new streams and record a transformation;
 * nothing runs until the environment executes the job.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public ExecutionConfig getExecutionConfig() {
        return environment.getConfig();
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    public int getParallelism() {
        return transformation.getParallelism();
    }

    // ---- element-wise ----

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(mapper, MapFunction.class, 0, 1,
                null, transformation.getOutputTypeUnchecked(), "Map");
        return map(mapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, new StreamMap<>(mapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(flatMapper, FlatMapFunction.class, 0, 1,
                new int[] {1, 0}, transformation.getOutputTypeUnchecked(), "Flat Map");
        return flatMap(flatMapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, new StreamFlatMap<>(flatMapper));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", transformation.getOutputTypeUnchecked(), new StreamFilter<>(filter));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(processFunction, ProcessFunction.class,
                0, 1, null, transformation.getOutputTypeUnchecked(), "Process");
        return process(processFunction, outType);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction,
            TypeInformation<R> outputType) {
        return transform("Process", outputType, new ProcessOperator<>(processFunction));
    }

    /** Applies a custom operator. */
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outputType,
            OneInputStreamOperator<T, R> operator) {
        return addOperator(operatorName, outputType, new OperatorInstance(operator));
    }

    /** Adds the step that runs {@code operator} on this stream (keyed on a keyed stream). */
    <R> SingleOutputStreamOperator<R> addOperator(String operatorName, TypeInformation<R> outputType,
            OperatorDescription operator) {
        return new SingleOutputStreamOperator<>(environment, new OneInputTransformation<>(transformation,
                operatorName, operator, outputType, environment.getParallelism()));
    }

    // ---- windows ----

    /**
     * Groups the whole stream (not keyed) into windows. The window operator runs at parallelism 1:
     * prefer {@code keyBy(...).window(...)} where the data has a key.
     */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Tumbling count windows over the whole stream: fires and empties after every {@code size} elements. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows over the whole stream: every {@code slide} elements, fires on the last {@code size}. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    /** Starts a window join with {@code other}: {@code join(other).where(...).equalTo(...).window(...).apply(...)}. */
    /**
     * A stream of tuples made of the fields {@code fieldIndexes} of this stream's tuples, in that
     * order (a field may repeat). Only streams of tuples can be projected.
     */
    public <R extends Tuple> SingleOutputStreamOperator<R> project(int... fieldIndexes) {
        return TupleProjection.apply(this, fieldIndexes);
    }

    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, other);
    }

    /** Starts a window coGroup with {@code other}: {@code coGroup(other).where(...).equalTo(...).window(...).apply(...)}. */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        return new CoGroupedStreams<>(this, other);
    }

    /**
     * Gives each record the timestamp of the strategy's assigner and generates watermarks with the
     * strategy's generator, per parallel subtask of this stream. Watermarks from upstream are
     * replaced, except the final one at the end of a bounded input. Runs with this stream's
     * parallelism, so it chains to it.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        java.util.Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
        OneInputTransformation<T, T> t = new OneInputTransformation<>(transformation, "Timestamps/Watermarks",
                new TimestampsAndWatermarksDescription<>(ClosureCleaner.clean(watermarkStrategy)), getType(),
                transformation.getParallelism());
        return new SingleOutputStreamOperator<>(environment, t);
    }

    // ---- combining ----

    /**
     * Connects this stream with another, possibly of another type, for a co-function that sees both.
     * Two keyed streams make keyed connected streams: equal keys meet and share keyed state.
     */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> dataStream) {
        return new ConnectedStreams<>(environment, this, dataStream);
    }

    /**
     * Connects this stream with a broadcast stream: every parallel instance sees all broadcast
     * elements and holds the broadcast states; each element of this stream reaches one instance.
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    // ---- partitioning ----

    /** Partitions by key: all elements with the same key go to the same subtask, and get keyed state. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        TypeInformation<K> keyType = TypeExtractor.getUnaryOperatorReturnType(key, KeySelector.class, 0, 1, null,
                transformation.getOutputTypeUnchecked(), "Key Selector");
        return new KeyedStream<>(this, ClosureCleaner.clean(key), keyType);
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        return new KeyedStream<>(this, ClosureCleaner.clean(key), keyType);
    }

    /**
     * Sends each element to the subtask {@code partitioner} picks for its key (the key from
     * {@code keySelector}), among the next operator's subtasks. The result is not a keyed stream.
     */
    public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        CustomPartitioning<T, K> partitioning = new CustomPartitioning<>(ClosureCleaner.clean(partitioner),
                ClosureCleaner.clean(keySelector));
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, Exchange.CUSTOM,
                partitioning));
    }

    /** Sends elements round robin to all downstream subtasks. */
    public DataStream<T> rebalance() {
        return partition(Exchange.REBALANCE);
    }

    /** Sends elements round robin to a local subset of downstream subtasks. */
    public DataStream<T> rescale() {
        return partition(Exchange.RESCALE);
    }

    /** Sends each element to a random downstream subtask. */
    public DataStream<T> shuffle() {
        return partition(Exchange.SHUFFLE);
    }

    /** Sends every element to every downstream subtask. */
    public DataStream<T> broadcast() {
        return partition(Exchange.BROADCAST);
    }

    /**
     * Makes a broadcast stream for {@link #connect(BroadcastStream)}: every element goes to every
     * parallel instance of the connected operator, which holds one broadcast state (a map) per
     * descriptor.
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        return new BroadcastStream<>(environment, this, broadcastStateDescriptors);
    }

    /** Sends all elements to the first downstream subtask. */
    public DataStream<T> global() {
        return partition(Exchange.GLOBAL);
    }

    /** Sends elements of subtask i to subtask i; the next operator must have the same parallelism. */
    public DataStream<T> forward() {
        return partition(Exchange.FORWARD);
    }

    private DataStream<T> partition(Exchange exchange) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, exchange, null));
    }

    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> s : streams) {
            if (s.environment != environment) {
                throw new IllegalArgumentException("Cannot union streams of different execution environments.");
            }
            inputs.add(s.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    // ---- sinks ----

    /** Prints each element to standard out; with parallelism > 1 lines start with the subtask number. */
    public DataStreamSink<T> print() {
        return sinkTo(new PrintSink<>(), "Print to Std. Out");
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier), "Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return sinkTo(new PrintSink<>(true), "Print to Std. Err");
    }

    /** Prints each element to standard error, each line starting with {@code sinkIdentifier}. */
    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier, true), "Print to Std. Err");
    }

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return sinkTo(sink, "Sink: " + sink.getClass().getSimpleName());
    }

    private DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
        getType(); // a type erased from a lambda fails here, at the line that ends the stream, with its fix
        SinkTransformation<T> t = new SinkTransformation<>(transformation, sink, name, environment.getParallelism());
        environment.addSink(t);
        return new DataStreamSink<>(t);
    }

    /**
     * Ends the stream in a {@link SinkFunction}, called for each element on the sink's task. For
     * new sinks prefer {@link #sinkTo(Sink)}.
     */
    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        getType(); // as in sinkTo: an erased lambda type fails here, with its fix
        String className = sinkFunction.getClass().getSimpleName();
        OneInputTransformation<T, Object> t = new OneInputTransformation<>(transformation,
                "Sink: " + (className.isEmpty() ? "Unnamed" : className),
                new OperatorInstance(new StreamSink<>(sinkFunction)), null, environment.getParallelism());
        environment.addSink(t);
        return new DataStreamSink<>(t);
    }

    /** Runs the job and returns an iterator over this stream's elements; close it to stop the job. */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        TypeInformation<T> type = getType();
        CollectTransformation<T> t = new CollectTransformation<>(transformation);
        environment.addSink(t);
        JobClient client = environment.executeAsync(jobName);
        return environment.collect(client, t.getCollectId(), type);
    }

    /** Runs the job and returns at most {@code limit} elements; the job is cancelled after them. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit must be positive, got " + limit);
        }
        List<T> results = new ArrayList<>(Math.min(limit, 1024));
        try (CloseableIterator<T> it = executeAndCollect(jobName)) {
            while (results.size() < limit && it.hasNext()) {
                results.add(it.next());
            }
        }
        return results;
    }

    /**
     * Adds a sink that sends this stream's elements back to this program, and returns the iterator
     * over them. It can be read once the job runs ({@code env.executeAsync()}); several streams can
     * be collected from one job this way. Closing the iterator cancels the job.
     */
    public CloseableIterator<T> collectAsync() {
        Collector<T> collector = new Collector<>();
        collectAsync(collector);
        return collector.getOutput();
    }

    /** As {@link #collectAsync()}, giving the iterator through {@code collector}. */
    public void collectAsync(Collector<T> collector) {
        TypeInformation<T> type = getType();
        CollectTransformation<T> t = new CollectTransformation<>(transformation);
        environment.addSink(t);
        environment.registerCollectIterator(client -> collector.iterator.bind(
                environment.collect(client, t.getCollectId(), type)));
    }

    /**
     * Where {@link #collectAsync(Collector)} puts its iterator. The iterator exists at once but
     * can be read only after the job was started; reading it earlier fails with that message.
     */
    public static class Collector<T> {
        private final AsyncCollectIterator<T> iterator = new AsyncCollectIterator<>();

        public CloseableIterator<T> getOutput() {
            return iterator;
        }
    }
}
