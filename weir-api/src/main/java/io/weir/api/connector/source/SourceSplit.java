package io.weir.api.connector.source;

/** A share of a source's data that one reader reads, e.g. a file range or a partition. */
public interface SourceSplit {
    /** Unique among the splits of one source. */
    String splitId();
}
