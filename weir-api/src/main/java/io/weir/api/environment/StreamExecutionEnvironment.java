package io.weir.api.environment;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.CheckpointingMode;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.configuration.ReadableConfig;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStreamSource;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.functions.source.FromSplittableIteratorFunction;
import io.weir.api.functions.source.ParallelSourceFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.functions.source.SplittableIterator;
import io.weir.api.operators.StreamSource;
import io.weir.api.transformations.FunctionSourceTransformation;
import io.weir.api.transformations.SourceTransformation;
import io.weir.api.transformations.Transformation;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The entry point of a DataStream program: creates sources, holds the job's settings, and runs
 * the job. Calls on streams only record transformations; {@link #execute()} builds the job graph
 * and runs it on the embedded MiniCluster (or on the cluster a test extension or client set).
 */
public class StreamExecutionEnvironment {
    private static volatile StreamExecutionEnvironmentFactory contextFactory;
    private static final ThreadLocal<StreamExecutionEnvironmentFactory> threadContextFactory = new ThreadLocal<>();

    private final Configuration configuration;
    private final ExecutionConfig config;
    private final PipelineExecutor executor;
    private final List<Transformation<?>> sinks = new ArrayList<>();
    private final List<Consumer<JobClient>> pendingCollectIterators = new ArrayList<>();

    /**
     * A local environment (jobs run on an embedded MiniCluster) with the given settings; those not
     * set keep their defaults, except that an unset parallelism is the number of CPU cores.
     */
    public StreamExecutionEnvironment(Configuration configuration) {
        this(Executors.local(withLocalParallelism(configuration)), withLocalParallelism(configuration));
    }

    /** An environment whose jobs run through {@code executor}; {@code configuration} holds the job settings. */
    public StreamExecutionEnvironment(PipelineExecutor executor, Configuration configuration) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.configuration = new Configuration(configuration);
        this.config = new ExecutionConfig(this.configuration);
    }

    /**
     * The environment of the context the program runs in: the cluster of an active test extension,
     * client or {@code bin/weir run} (with its {@code conf/config.yaml} and {@code -D} settings),
     * else a local environment with the parallelism of the machine's cores.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    /**
     * As {@link #getExecutionEnvironment()}, with {@code configuration} applied on top of the
     * context's settings: values set here win over the configuration file and the command line.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        StreamExecutionEnvironmentFactory factory = threadContextFactory.get();
        if (factory == null) {
            factory = contextFactory;
        }
        if (factory != null) {
            return factory.createExecutionEnvironment(configuration);
        }
        return new StreamExecutionEnvironment(configuration);
    }

    /** A local environment: jobs run on an embedded MiniCluster sized for them. */
    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.PARALLELISM, parallelism);
        return createLocalEnvironment(configuration);
    }

    /** A local environment with these settings (parallelism 1 unless they set one). */
    public static StreamExecutionEnvironment createLocalEnvironment(Configuration configuration) {
        return new StreamExecutionEnvironment(Executors.local(configuration), configuration);
    }

    private static Configuration withLocalParallelism(Configuration configuration) {
        if (configuration.contains(PipelineOptions.PARALLELISM)) {
            return configuration;
        }
        return new Configuration(configuration).set(PipelineOptions.PARALLELISM,
                Runtime.getRuntime().availableProcessors());
    }

    /** Makes {@link #getExecutionEnvironment()} return environments from {@code factory} (test extensions, clients). */
    public static void initializeContextEnvironment(StreamExecutionEnvironmentFactory factory) {
        contextFactory = factory;
    }

    public static void resetContextEnvironment() {
        contextFactory = null;
    }

    /**
     * As {@link #initializeContextEnvironment}, for the calling thread only, where it wins over the
     * process-wide factory: a server that runs several programs' {@code main} methods at once (the
     * REST API's {@code POST /jars/:jarid/run}) gives each program's thread its own cluster and settings.
     * Threads the program starts itself do not inherit it.
     */
    public static void initializeThreadContextEnvironment(StreamExecutionEnvironmentFactory factory) {
        threadContextFactory.set(factory);
    }

    public static void resetThreadContextEnvironment() {
        threadContextFactory.remove();
    }

    // ---- settings ----

    public ExecutionConfig getConfig() {
        return config;
    }

    /**
     * A read-only, live view of this environment's settings: what it was created with, the config
     * file and command line (through the context), {@link #configure} and the setters. Change
     * settings with {@link #configure(ReadableConfig)} or the setters.
     */
    public ReadableConfig getConfiguration() {
        return configuration.readOnlyView();
    }

    /**
     * Applies every setting in {@code configuration} to this environment, replacing what was set
     * before; settings it does not hold stay as they are. Bad values fail here, naming the key.
     */
    public StreamExecutionEnvironment configure(ReadableConfig configuration) {
        return configure(configuration, userClassLoader());
    }

    /** As {@link #configure(ReadableConfig)}; {@code classLoader} would load classes the settings name. */
    public StreamExecutionEnvironment configure(ReadableConfig configuration, ClassLoader classLoader) {
        config.configure(configuration, classLoader);
        return this;
    }

    /** The checkpoint settings of jobs built here (a view of this environment's configuration). */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /**
     * Takes an exactly-once checkpoint every {@code intervalMillis}: on a failure the job restarts
     * from the latest one (see {@code restart-strategy.type}) with every record reflected in its state
     * exactly once.
     */
    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
        return enableCheckpointing(intervalMillis, CheckpointingMode.EXACTLY_ONCE);
    }

    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
        CheckpointConfig checkpoints = getCheckpointConfig();
        checkpoints.setCheckpointInterval(intervalMillis);
        checkpoints.setCheckpointingConsistencyMode(mode);
        return this;
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, got " + parallelism);
        }
        configuration.set(PipelineOptions.PARALLELISM, parallelism);
        return this;
    }

    public int getParallelism() {
        return configuration.get(PipelineOptions.PARALLELISM);
    }

    /** Sets the number of key groups, the upper bound for the parallelism of keyed operators (default 128). */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException("The max parallelism must be between 1 and 32768, got " + maxParallelism);
        }
        configuration.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return configuration.get(PipelineOptions.MAX_PARALLELISM);
    }

    /** Longest time a partly filled network buffer waits before it is sent (milliseconds; 0 = send at once). */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("The buffer timeout must not be negative, got " + timeoutMillis);
        }
        configuration.set(ExecutionOptions.BUFFER_TIMEOUT, java.time.Duration.ofMillis(timeoutMillis));
        return this;
    }

    public long getBufferTimeout() {
        return configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
    }

    /**
     * STREAMING (default) or BATCH. BATCH requires every source to be bounded; the job fails at
     * submission otherwise. AUTOMATIC picks BATCH when all sources are bounded.
     */
    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        config.setRuntimeMode(Objects.requireNonNull(mode, "runtime mode"));
        return this;
    }

    public RuntimeExecutionMode getRuntimeMode() {
        return config.getRuntimeMode();
    }

    // ---- sources ----

    public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
            WatermarkStrategy<OUT> watermarkStrategy, String sourceName) {
        TypeInformation<OUT> type = source instanceof ResultTypeQueryable
                ? ((ResultTypeQueryable<OUT>) source).getProducedType()
                : TypeExtractor.getUnaryOperatorReturnType(source, Source.class, -1, 0, null, null, sourceName);
        return fromSource(source, watermarkStrategy, sourceName, type);
    }

    public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
            WatermarkStrategy<OUT> watermarkStrategy, String sourceName, TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(watermarkStrategy, "watermark strategy (use WatermarkStrategy.noWatermarks())");
        SourceTransformation<OUT> t = new SourceTransformation<>(sourceName, source, watermarkStrategy, typeInfo,
                Transformation.DEFAULT_PARALLELISM);
        return new DataStreamSource<>(this, t);
    }

    /**
     * A stream produced by a {@link SourceFunction}. It runs with parallelism 1 unless it is a
     * {@link ParallelSourceFunction}. The type of its elements comes from
     * {@link ResultTypeQueryable#getProducedType()} if the function implements it, else from the
     * function's class; pass it explicitly when generics hide it.
     */
    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function) {
        return addSource(function, "Custom Source");
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName) {
        return addSource(function, sourceName, null);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, TypeInformation<OUT> typeInfo) {
        return addSource(function, "Custom Source", typeInfo);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName,
            TypeInformation<OUT> typeInfo) {
        return addSource(function, sourceName, typeInfo, Boundedness.CONTINUOUS_UNBOUNDED);
    }

    /**
     * As {@link #addSource(SourceFunction, String, TypeInformation)}, declaring whether the function
     * ends by itself: a {@link Boundedness#BOUNDED} one may run in BATCH mode (it must then return
     * from {@code run} when its input is exhausted).
     */
    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName,
            TypeInformation<OUT> typeInfo, Boundedness boundedness) {
        Objects.requireNonNull(function, "source function");
        TypeInformation<OUT> type = typeInfo != null ? typeInfo
                : TypeExtractor.getUnaryOperatorReturnType(function, SourceFunction.class, -1, 0, null, null,
                        sourceName);
        boolean parallel = function instanceof ParallelSourceFunction;
        FunctionSourceTransformation<OUT> t = new FunctionSourceTransformation<>(sourceName,
                new StreamSource<>(function), type, Transformation.DEFAULT_PARALLELISM, boundedness);
        return new DataStreamSource<>(this, t, parallel);
    }

    /**
     * A bounded stream of the elements of {@code iterator}, read in parallel: each subtask emits one
     * part of {@link SplittableIterator#split}. Without a position in checkpoints (a restored
     * job reads every part again), as in Flink.
     */
    public <OUT> DataStreamSource<OUT> fromParallelCollection(SplittableIterator<OUT> iterator, Class<OUT> type) {
        return fromParallelCollection(iterator, TypeExtractor.createTypeInfo(type));
    }

    public <OUT> DataStreamSource<OUT> fromParallelCollection(SplittableIterator<OUT> iterator,
            TypeInformation<OUT> type) {
        return fromParallelCollection(iterator, type, "Parallel Collection Source");
    }

    public <OUT> DataStreamSource<OUT> fromParallelCollection(SplittableIterator<OUT> iterator,
            TypeInformation<OUT> type, String operatorName) {
        return addSource(new FromSplittableIteratorFunction<>(iterator), operatorName, type, Boundedness.BOUNDED);
    }

    /** A bounded stream of the longs {@code from..to} (inclusive), read in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source",
                io.weir.api.types.Types.LONG);
    }

    /** A bounded stream of the given elements, in order (parallelism 1). */
    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(OUT... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("fromData needs at least one element to infer the type; "
                    + "use fromData(TypeInformation, ...) for an empty stream.");
        }
        return fromData(Arrays.asList(data), elementType(data[0]));
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(TypeInformation<OUT> type, OUT... data) {
        return fromData(Arrays.asList(data), type);
    }

    /**
     * A bounded stream of the given elements of {@code type} (or its subclasses), in order
     * (parallelism 1); the type is analysed from the class, not from the first element.
     */
    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(Class<OUT> type, OUT... data) {
        return fromData(Arrays.asList(data), TypeExtractor.createTypeInfo(type));
    }

    /** Flink 1.x's name for {@link #fromData(Object[])}; kept so that 1.x jobs compile. */
    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(OUT... data) {
        return fromData(data);
    }

    /** Flink 1.x's name for {@link #fromData(Class, Object[])}. */
    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(Class<OUT> type, OUT... data) {
        return fromData(type, data);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("fromData needs at least one element to infer the type; "
                    + "use fromData(collection, TypeInformation) for an empty stream.");
        }
        return fromData(data, elementType(data.iterator().next()));
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data, TypeInformation<OUT> type) {
        DataStreamSource<OUT> source = fromSource(new CollectionSource<>(data, type, config.getSerializerConfig()),
                WatermarkStrategy.noWatermarks(), "Collection Source", type);
        source.setParallelism(1);
        return source;
    }

    /** Same as {@link #fromData(Collection)}. */
    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data) {
        return fromData(data);
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data, TypeInformation<OUT> type) {
        return fromData(data, type);
    }

    @SuppressWarnings("unchecked")
    private static <OUT> TypeInformation<OUT> elementType(OUT element) {
        if (element == null) {
            throw new IllegalArgumentException("Sources cannot emit null elements.");
        }
        return TypeExtractor.getForObject(element);
    }

    // ---- execution ----

    /** Registers the end of a stream; called by sinks. */
    public void addSink(Transformation<?> sink) {
        sinks.add(sink);
    }

    /**
     * Registers an operator whose transformation was built directly (a
     * {@code MultipleInputTransformation}): it runs with the job even when no sink reads its output.
     */
    public void addOperator(Transformation<?> transformation) {
        java.util.Objects.requireNonNull(transformation, "transformation");
        if (!sinks.contains(transformation)) {
            sinks.add(transformation);
        }
    }

    public JobExecutionResult execute() throws Exception {
        return execute(defaultJobName());
    }

    /** Runs the job and waits for it to end. A failure is thrown with the job's failure as cause. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JobExecutionException) {
                throw (JobExecutionException) cause;
            }
            throw new JobExecutionException(client.getJobID(), "Job '" + jobName + "' failed", cause);
        } catch (InterruptedException e) {
            client.cancel();
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync(defaultJobName());
    }

    private String defaultJobName() {
        return configuration.getOptional(PipelineOptions.NAME).orElse("Weir Streaming Job");
    }

    /**
     * The job as recorded so far, as {@link #executeAsync(String)} would submit it, without
     * submitting it or forgetting it: for tools that show a plan (the SQL planner's EXPLAIN).
     */
    public Pipeline createPipeline(String jobName) {
        return new Pipeline(jobName, List.copyOf(sinks), config.copy(), new Configuration(configuration),
                config.getRuntimeMode());
    }

    /** Submits the job and returns at once with a client for it. */
    public JobClient executeAsync(String jobName) throws Exception {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("No sinks defined in job '" + jobName + "': execute() needs at least one "
                    + "sink. Add one with print(), sinkTo(...), or use executeAndCollect() to get the results.");
        }
        Pipeline pipeline = createPipeline(jobName);
        sinks.clear();
        List<Consumer<JobClient>> collectors = List.copyOf(pendingCollectIterators);
        pendingCollectIterators.clear();
        try {
            JobClient client = executor.execute(pipeline, userClassLoader()).get();
            collectors.forEach(bind -> bind.accept(client));
            return client;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    /**
     * Registers the binding of a {@code collectAsync} iterator to the next job this environment
     * submits: {@code bind} is called with that job's client right after submission.
     */
    public void registerCollectIterator(Consumer<JobClient> bind) {
        pendingCollectIterators.add(bind);
    }

    /** Opens the results of a collect sink of a running job (used by {@code executeAndCollect}). */
    public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeInformation<T> type) {
        return executor.collect(client, collectId, type.createSerializer(config.getSerializerConfig()));
    }

    private static ClassLoader userClassLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : StreamExecutionEnvironment.class.getClassLoader();
    }
}
