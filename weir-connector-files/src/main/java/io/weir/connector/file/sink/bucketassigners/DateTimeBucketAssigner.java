package io.weir.connector.file.sink.bucketassigners;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.connector.file.sink.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Buckets by the processing time an element is written, formatted with a pattern
 * ({@code yyyy-MM-dd--HH} by default: one directory per hour) in a time zone (the system's by default).
 */
public class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_FORMAT = "yyyy-MM-dd--HH";

    private final String formatString;
    private final ZoneId zoneId;
    private transient DateTimeFormatter formatter;

    public DateTimeBucketAssigner() {
        this(DEFAULT_FORMAT);
    }

    public DateTimeBucketAssigner(String formatString) {
        this(formatString, ZoneId.systemDefault());
    }

    public DateTimeBucketAssigner(ZoneId zoneId) {
        this(DEFAULT_FORMAT, zoneId);
    }

    public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
        this.formatString = formatString;
        this.zoneId = zoneId;
        DateTimeFormatter.ofPattern(formatString); // fails here, not in the job, on a bad pattern
    }

    @Override
    public String getBucketId(IN element, Context context) {
        if (formatter == null) {
            formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
        }
        return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
