package io.weir.api.fs;

import java.io.IOException;
import java.io.InputStream;

/** A stream over a file that can jump to any position. */
public abstract class FSDataInputStream extends InputStream {

    /** Continues reading at byte {@code position} of the file. */
    public abstract void seek(long position) throws IOException;

    /** The position of the next byte read. */
    public abstract long getPos() throws IOException;
}
