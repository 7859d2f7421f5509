package io.weir.connector.file.sink.bucketassigners;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.connector.file.sink.BucketAssigner;

/** Writes every element into the base path itself: no buckets. */
public class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(T element, Context context) {
        return "";
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
