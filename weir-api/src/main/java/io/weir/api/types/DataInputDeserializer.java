package io.weir.api.types;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A {@link DataInputView} over a range of a byte array, reused from buffer to buffer with
 * {@link #setBuffer(byte[], int, int)}. Reads the format of {@link DataOutputSerializer}.
 *
 * <p>Every exchange and state read goes through this class, so each method checks the remaining
 * bytes once and reads straight from the array; nothing is allocated. Reading past the end throws
 * {@link EOFException}.
 *
 * <p>Threading: not thread-safe; one reader at a time.
 */
public final class DataInputDeserializer implements DataInputView {
    private static final byte[] EMPTY = new byte[0];
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    // Package-private for StringEncoding's fast path.
    byte[] buffer = EMPTY;
    int position;
    int end;

    /** A deserializer without data; call {@link #setBuffer} before reading. */
    public DataInputDeserializer() {
    }

    public DataInputDeserializer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int offset, int length) {
        setBuffer(buffer, offset, length);
    }

    public void setBuffer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    /** Reads {@code length} bytes of {@code buffer} from {@code offset} on; the array is not copied. */
    public void setBuffer(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    /** Drops the reference to the current array. */
    public void releaseArrays() {
        buffer = EMPTY;
        position = 0;
        end = 0;
    }

    /** The number of bytes left to read. */
    public int available() {
        return end - position;
    }

    /** The index in the array of the next byte to read. */
    public int getPosition() {
        return position;
    }

    /** Throws {@link EOFException} unless {@code bytes} more bytes can be read. */
    void require(int bytes) throws EOFException {
        if (end - position < bytes) {
            throw new EOFException("Needed " + bytes + " more bytes, but only " + (end - position) + " are left");
        }
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    /** Skips exactly {@code n} bytes, or throws {@link EOFException}. */
    public void skipBytesToRead(int n) throws EOFException {
        require(n);
        position += n;
    }

    @Override
    public boolean readBoolean() throws IOException {
        require(1);
        return buffer[position++] != 0;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        require(1);
        return buffer[position++] & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = (short) SHORT.get(buffer, position);
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        int v = (int) INT.get(buffer, position);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = (long) LONG.get(buffer, position);
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads bytes as Latin-1 chars up to a line end ({@code \n}, {@code \r} or {@code \r\n}); null at the end. */
    @Override
    public String readLine() {
        if (position >= end) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (position < end && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            line.append(c);
        }
        return line.toString();
    }

    /** Reads modified UTF-8 as written by {@link DataOutputSerializer#writeUTF}, including its long form. */
    @Override
    public String readUTF() throws IOException {
        int utfLength = readUnsignedShort();
        if (utfLength == 0xFFFF) {
            utfLength = readInt();
        }
        require(utfLength);
        char[] chars = new char[utfLength];
        int count = 0;
        int p = position;
        int limit = position + utfLength;
        while (p < limit) {
            int b = buffer[p++] & 0xFF;
            if (b < 0x80) {
                chars[count++] = (char) b;
            } else if ((b & 0xE0) == 0xC0 && p < limit) {
                chars[count++] = (char) (((b & 0x1F) << 6) | (buffer[p++] & 0x3F));
            } else if ((b & 0xF0) == 0xE0 && p + 1 < limit) {
                chars[count++] = (char) (((b & 0x0F) << 12) | ((buffer[p] & 0x3F) << 6) | (buffer[p + 1] & 0x3F));
                p += 2;
            } else {
                throw new UTFDataFormatException("Malformed modified UTF-8 at byte " + (p - 1 - position));
            }
        }
        position = limit;
        return new String(chars, 0, count);
    }

    @Override
    public String toString() {
        return "DataInputDeserializer{position=" + position + ", end=" + end + "}";
    }
}
