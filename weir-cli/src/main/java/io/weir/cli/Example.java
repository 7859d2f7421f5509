package io.weir.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The examples {@code weir example} can run, by short name. The only list of them. */
enum Example {
    WORDCOUNT(
            "wordcount",
            "io.weir.examples.wordcount.WordCount",
            "[--input <file>] [--parallelism <n>] [--streaming]",
            "Counts the words of a built-in text (or --input <file>) and prints (word,count) tuples."),
    RUNNING_COUNT(
            "running-count",
            "io.weir.examples.runningcount.RunningCount",
            "[--events <n>] [--rate <per second>] [--parallelism <n>]",
            "Streams generated page views and keeps a running count per page in keyed state."),
    PAGE_VIEW_WINDOWS(
            "page-view-windows",
            "io.weir.examples.pageviewwindows.PageViewWindows",
            "[--events <n>] [--parallelism <n>]",
            "Counts out-of-order page views per page in 10 s event-time windows; late views go to a side output."),
    PAGE_VIEW_COUNTS(
            "page-view-counts",
            "io.weir.examples.pageviewcounts.PageViewCounts",
            "--bootstrap-servers <host:port> --jdbc-url <jdbc:postgresql://...> [--jdbc-user <user>]"
                    + " [--jdbc-password <password>] [--topic <page-views>] [--group-id <id>] [--parallelism <n>]"
                    + " [--bounded true|false]",
            "Kafka JSON page views -> one-minute event-time counts per page -> PostgreSQL upsert (checkpointed)."),
    SENSOR_ENRICHMENT(
            "sensor-enrichment",
            "io.weir.examples.sensorenrichment.SensorEnrichment",
            "--mqtt-uri <tcp://host:port> --bootstrap-servers <host:port> [--topic-filter <sensors/+/readings>]"
                    + " [--output-topic <enriched-readings>] [--sensors <file.csv>] [--client-id-prefix <prefix>]"
                    + " [--transactional-id-prefix <prefix>] [--parallelism <n>]",
            "MQTT JSON sensor readings -> sensor metadata added -> Kafka, exactly once."),
    CARD_FRAUD(
            "card-fraud",
            "io.weir.examples.cardfraud.CardFraud",
            "--bootstrap-servers <host:port> [--input-topic <payments>] [--alert-topic <fraud-alerts>]"
                    + " [--group-id <id>] [--transactional-id-prefix <prefix>] [--parallelism <n>] [--bounded true|false]",
            "Kafka JSON payments -> declines per card in 10 min and 24 h rolling spend (RocksDB) -> alerts to Kafka, exactly once.");

    private final String shortName;
    private final String mainClass;
    private final String arguments;
    private final String description;

    Example(String shortName, String mainClass, String arguments, String description) {
        this.shortName = shortName;
        this.mainClass = mainClass;
        this.arguments = arguments;
        this.description = description;
    }

    /** The arguments the example's main takes, in usage-line form. */
    String arguments() {
        return arguments;
    }

    String shortName() {
        return shortName;
    }

    String mainClass() {
        return mainClass;
    }

    String description() {
        return description;
    }

    static Optional<Example> byShortName(String name) {
        for (Example example : values()) {
            if (example.shortName.equals(name)) {
                return Optional.of(example);
            }
        }
        return Optional.empty();
    }

    /** "wordcount, running-count, ...": for messages that tell the user what exists. */
    static String shortNames() {
        return Arrays.stream(values()).map(Example::shortName).collect(Collectors.joining(", "));
    }
}
