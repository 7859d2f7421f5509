package io.weir.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element to a stream, for row-format file sinks: one element after the other in a part file. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    void encode(IN element, OutputStream stream) throws IOException;
}
