package io.weir.connector.file.sink;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.common.serialization.Encoder;
import java.io.Serializable;

/**
 * How elements become bytes of a part file: one after the other with an {@link Encoder} (row format),
 * or through a {@link BulkWriter} that writes the file as a whole (bulk format). Exactly one is set.
 */
record PartFormat<IN>(Encoder<IN> encoder, BulkWriter.Factory<IN> bulkWriterFactory) implements Serializable {

    static <IN> PartFormat<IN> rows(Encoder<IN> encoder) {
        return new PartFormat<>(encoder, null);
    }

    static <IN> PartFormat<IN> bulk(BulkWriter.Factory<IN> factory) {
        return new PartFormat<>(null, factory);
    }

    boolean isBulk() {
        return bulkWriterFactory != null;
    }
}
