package io.weir.api.types;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link DataOutputView} that writes into a growable byte array, which is reused from record to
 * record: {@link #clear()} starts over, {@link #getSharedBuffer()} and {@link #length()} expose the
 * bytes without copying. Numbers are big-endian, as {@link java.io.DataOutput} requires.
 *
 * <p>Every exchange and state write goes through this class, so each method checks the capacity
 * once and writes straight into the array; nothing is allocated unless the array must grow (to at
 * least twice its size).
 *
 * <p>Threading: not thread-safe; one writer at a time.
 */
public final class DataOutputSerializer implements DataOutputView {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    // Package-private for StringEncoding's fast path.
    byte[] buffer;
    int position;

    public DataOutputSerializer(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("The initial capacity must be at least 1, got " + initialCapacity);
        }
        this.buffer = new byte[initialCapacity];
    }

    /** The internal array: bytes {@code 0..length()-1} are the written data. Replaced when it grows. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    /** The number of bytes written since the last {@link #clear()}. */
    public int length() {
        return position;
    }

    /** Starts over at position 0, keeping the array. */
    public void clear() {
        position = 0;
    }

    /** A copy of the written bytes. */
    public byte[] getCopyOfBuffer() {
        return Arrays.copyOf(buffer, position);
    }

    /**
     * Moves the write position, for example back to a length field reserved earlier; grows the
     * array if {@code position} is beyond its end.
     */
    public void setPosition(int position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("Negative position " + position);
        }
        if (position > buffer.length) {
            ensureCapacity(position - this.position);
        }
        this.position = position;
    }

    /** Makes room for {@code bytes} more bytes after the position. */
    void ensureCapacity(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            grow(bytes);
        }
    }

    private void grow(int bytes) throws IOException {
        long needed = (long) position + bytes;
        if (needed > MAX_CAPACITY) {
            throw new IOException("Serialized data would exceed " + MAX_CAPACITY + " bytes (" + needed + " needed)");
        }
        int newCapacity = (int) Math.min(MAX_CAPACITY, Math.max(needed, 2L * buffer.length));
        buffer = Arrays.copyOf(buffer, newCapacity);
    }

    @Override
    public void write(int b) throws IOException {
        ensureCapacity(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureCapacity(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensureCapacity(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        ensureCapacity(1);
        buffer[position++] = (byte) (v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) throws IOException {
        ensureCapacity(1);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeShort(int v) throws IOException {
        ensureCapacity(2);
        SHORT.set(buffer, position, (short) v);
        position += 2;
    }

    @Override
    public void writeChar(int v) throws IOException {
        ensureCapacity(2);
        SHORT.set(buffer, position, (short) v);
        position += 2;
    }

    @Override
    public void writeInt(int v) throws IOException {
        ensureCapacity(4);
        INT.set(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) throws IOException {
        ensureCapacity(8);
        LONG.set(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) throws IOException {
        writeInt(Float.floatToRawIntBits(v));
    }

    @Override
    public void writeDouble(double v) throws IOException {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** Writes the low byte of each char, as {@link java.io.DataOutput#writeBytes} specifies. */
    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly "low byte of each char"
    public void writeBytes(String s) throws IOException {
        int len = s.length();
        ensureCapacity(len);
        s.getBytes(0, len, buffer, position);
        position += len;
    }

    @Override
    public void writeChars(String s) throws IOException {
        int len = s.length();
        if (len > MAX_CAPACITY / 2) {
            throw new IOException("String of " + len + " chars is too long");
        }
        ensureCapacity(2 * len);
        for (int i = 0; i < len; i++) {
            SHORT.set(buffer, position, (short) s.charAt(i));
            position += 2;
        }
    }

    /**
     * Writes modified UTF-8 as {@link java.io.DataOutput#writeUTF} does, with one extension: an
     * encoding of 65535 bytes or more is written as the marker {@code 0xFFFF} followed by an int
     * length instead of failing. {@link DataInputDeserializer#readUTF()} reads both forms.
     * Serializers should prefer {@link StringEncoding}, which is more compact.
     */
    @Override
    public void writeUTF(String s) throws IOException {
        int len = s.length();
        long utfLength = len;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                utfLength += c >= 0x800 ? 2 : 1;
            }
        }
        if (utfLength > MAX_CAPACITY - 6) {
            throw new IOException("String encodes to " + utfLength + " bytes, too long");
        }
        if (utfLength < 0xFFFF) {
            ensureCapacity(2 + (int) utfLength);
            SHORT.set(buffer, position, (short) utfLength);
            position += 2;
        } else {
            ensureCapacity(6 + (int) utfLength);
            SHORT.set(buffer, position, (short) 0xFFFF);
            INT.set(buffer, position + 2, (int) utfLength);
            position += 6;
        }
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c != 0) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        position = p;
    }

    @Override
    public String toString() {
        return "DataOutputSerializer{length=" + position + ", capacity=" + buffer.length + "}";
    }
}
