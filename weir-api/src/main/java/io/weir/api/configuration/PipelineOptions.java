package io.weir.api.configuration;

import java.time.Duration;

/** Settings of a job's graph: parallelism, key groups, object reuse, watermarks, name, types. */
public final class PipelineOptions {
    private PipelineOptions() {}

    public static final ConfigOption<Integer> PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType().defaultValue(1)
            .withValidation(p -> p >= 1, "be at least 1")
            .withDescription("Parallelism of operators that set none themselves. A local environment without "
                    + "this setting uses the number of CPU cores.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
            .intType().defaultValue(128)
            .withValidation(p -> p >= 1 && p <= (1 << 15), "be between 1 and 32768")
            .withDescription("Number of key groups: the upper bound for the parallelism of keyed operators, "
                    + "and the unit in which keyed state is redistributed when the parallelism changes.");

    public static final ConfigOption<Boolean> OBJECT_REUSE = ConfigOptions.key("pipeline.object-reuse")
            .booleanType().defaultValue(false)
            .withDescription("Pass records between chained operators without copying them. Safe when functions "
                    + "neither keep nor modify their input objects.");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL =
            ConfigOptions.key("pipeline.auto-watermark-interval")
            .durationType().defaultValue(Duration.ofMillis(200))
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("How often periodic watermark generators (of sources and "
                    + "assignTimestampsAndWatermarks) are asked for a watermark. 0 turns periodic watermarks off.");

    public static final ConfigOption<String> NAME = ConfigOptions.key("pipeline.name")
            .stringType().noDefaultValue()
            .withDescription("Name of the job when execute() is called without one. Unset: 'Weir Streaming Job'.");

    public static final ConfigOption<Boolean> GENERIC_TYPES = ConfigOptions.key("pipeline.generic-types")
            .booleanType().defaultValue(true)
            .withDescription("Whether types without a dedicated serializer may fall back to the generic (Kryo) "
                    + "serializer. false makes such types fail when the job is built, naming the type.");
}
