package io.weir.api.types;

import java.io.DataOutput;
import java.io.IOException;

/** A sink of bytes that serializers write to. */
public interface DataOutputView extends DataOutput {
    /** Copies {@code numBytes} bytes from {@code source} to this view. */
    void write(DataInputView source, int numBytes) throws IOException;
}
