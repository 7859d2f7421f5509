package io.weir.connector.file.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * Which bucket (subdirectory of the sink's base path) an element goes to. The bucket id's
 * {@code toString()} is the relative path of the bucket; "" is the base path itself.
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {
    BucketID getBucketId(IN element, Context context);

    SimpleVersionedSerializer<BucketID> getSerializer();

    /** What an assigner can see beside the element. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's event timestamp, or {@code null}. */
        Long timestamp();
    }
}
