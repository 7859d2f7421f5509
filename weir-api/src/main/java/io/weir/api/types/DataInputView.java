package io.weir.api.types;

import java.io.DataInput;
import java.io.IOException;

/** A source of bytes that serializers read from. */
public interface DataInputView extends DataInput {
    /** Reads up to {@code len} bytes; returns the number read, or -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;
}
