package io.weir.api.fs;

import java.io.IOException;
import java.io.OutputStream;

/** A stream into a new file. */
public abstract class FSDataOutputStream extends OutputStream {

    /** The number of bytes written so far. */
    public abstract long getPos() throws IOException;

    /** Flushes and makes what was written durable where the file system can (fsync on a local disk). */
    public abstract void sync() throws IOException;
}
