package io.weir.api.types;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Weir's binary format for strings, used by the String serializer and by any serializer that
 * writes text. A string is a header followed by its chars:
 *
 * <pre>
 *   header = 0                   null
 *   header = 2 * length + 1      Latin-1: one byte per char (every char is below 256, e.g. ASCII)
 *   header = 2 * length + 2      any chars: each UTF-16 char in 1, 2 or 3 bytes
 * </pre>
 *
 * where {@code length} counts chars and the header is an unsigned varint (7 bits per byte, least
 * significant group first, high bit set on all but the last byte). In the second form a char
 * below {@code 0x80} takes one byte {@code 0xxxxxxx}, one below {@code 0x800} two bytes
 * {@code 110xxxxx 10xxxxxx}, any other three bytes {@code 1110xxxx 10xxxxxx 10xxxxxx}. Encoding
 * UTF-16 chars one by one keeps surrogate pairs (and even unpaired surrogates) intact, has no length
 * limit, and lets the reader size its result from the header.
 *
 * <p>Short ASCII strings cost one header byte plus one byte per char. Writing and reading avoid
 * any intermediate buffer when the view is a {@link DataOutputSerializer} or
 * {@link DataInputDeserializer}.
 */
public final class StringEncoding {
    private StringEncoding() {
    }

    /** Writes {@code s}, which may be null. */
    public static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        int len = s.length();
        long encodedLength = 0;
        int maxChar = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            maxChar |= c;
            encodedLength += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        boolean latin1 = maxChar < 0x100;
        long header = 2L * len + (latin1 ? 1 : 2);
        if (out instanceof DataOutputSerializer serializer) {
            if (encodedLength > Integer.MAX_VALUE - 16) {
                throw new IOException("String of " + len + " chars is too long to serialize");
            }
            serializer.ensureCapacity(10 + (latin1 ? len : (int) encodedLength));
            writeVarLong(header, serializer);
            if (latin1) {
                serializer.writeBytes(s);
            } else {
                serializer.position = encodeChars(s, serializer.buffer, serializer.position);
            }
            return;
        }
        writeVarLong(header, out);
        if (latin1) {
            out.writeBytes(s);
        } else {
            for (int i = 0; i < len; i++) {
                writeChar(s.charAt(i), out);
            }
        }
    }

    /** Reads a string written by {@link #writeString}; may return null. */
    public static String readString(DataInputView in) throws IOException {
        long header = readVarLong(in);
        if (header == 0) {
            return null;
        }
        long length = (header - 1) >>> 1;
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("Corrupt string header " + header);
        }
        int len = (int) length;
        boolean latin1 = ((header - 1) & 1) == 0;
        if (in instanceof DataInputDeserializer deserializer) {
            return latin1 ? readLatin1(deserializer, len) : decodeChars(deserializer, len);
        }
        if (latin1) {
            byte[] bytes = new byte[len];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            chars[i] = readChar(in);
        }
        return new String(chars);
    }

    private static int encodeChars(String s, byte[] b, int p) {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
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
        return p;
    }

    private static String readLatin1(DataInputDeserializer in, int len) throws EOFException {
        in.require(len);
        String s = new String(in.buffer, in.position, len, StandardCharsets.ISO_8859_1);
        in.position += len;
        return s;
    }

    private static String decodeChars(DataInputDeserializer in, int len) throws IOException {
        in.require(len); // every char takes at least one byte; fail before allocating for corrupt data
        char[] chars = new char[len];
        byte[] b = in.buffer;
        int p = in.position;
        int end = in.end;
        for (int i = 0; i < len; i++) {
            if (p >= end) {
                throw truncated();
            }
            int first = b[p++];
            if (first >= 0) {
                chars[i] = (char) first;
            } else if ((first & 0xE0) == 0xC0) {
                if (p >= end) {
                    throw truncated();
                }
                chars[i] = (char) (((first & 0x1F) << 6) | (b[p++] & 0x3F));
            } else if ((first & 0xF0) == 0xE0) {
                if (p + 1 >= end) {
                    throw truncated();
                }
                chars[i] = (char) (((first & 0x0F) << 12) | ((b[p] & 0x3F) << 6) | (b[p + 1] & 0x3F));
                p += 2;
            } else {
                throw new UTFDataFormatException("Malformed string encoding: byte " + (first & 0xFF));
            }
        }
        in.position = p;
        return new String(chars);
    }

    private static EOFException truncated() {
        return new EOFException("The string ends before its last char");
    }

    private static void writeChar(char c, DataOutputView out) throws IOException {
        if (c < 0x80) {
            out.writeByte(c);
        } else if (c < 0x800) {
            out.writeByte(0xC0 | (c >> 6));
            out.writeByte(0x80 | (c & 0x3F));
        } else {
            out.writeByte(0xE0 | (c >> 12));
            out.writeByte(0x80 | ((c >> 6) & 0x3F));
            out.writeByte(0x80 | (c & 0x3F));
        }
    }

    private static char readChar(DataInputView in) throws IOException {
        int first = in.readUnsignedByte();
        if (first < 0x80) {
            return (char) first;
        } else if ((first & 0xE0) == 0xC0) {
            return (char) (((first & 0x1F) << 6) | (in.readUnsignedByte() & 0x3F));
        } else if ((first & 0xF0) == 0xE0) {
            int second = in.readUnsignedByte();
            return (char) (((first & 0x0F) << 12) | ((second & 0x3F) << 6) | (in.readUnsignedByte() & 0x3F));
        }
        throw new UTFDataFormatException("Malformed string encoding: byte " + first);
    }

    private static void writeVarLong(long value, DataOutputView out) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    private static long readVarLong(DataInputView in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("Corrupt string header: varint longer than 10 bytes");
    }
}
