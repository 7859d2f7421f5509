package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataViewsTest {

    @Test
    void writesTheSameBytesAsDataOutputStream() throws IOException {
        DataOutputSerializer ours = new DataOutputSerializer(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream jdk = new DataOutputStream(bytes);
        for (DataOutput out : new DataOutput[] {ours, jdk}) {
            out.writeBoolean(true);
            out.writeByte(-2);
            out.writeShort(0xBEEF);
            out.writeChar('\u20AC');
            out.writeInt(0xCAFEBABE);
            out.writeLong(0x0102030405060708L);
            out.writeFloat(1.5f);
            out.writeDouble(-2.25);
            out.writeBytes("Grüße");
            out.writeChars("\uD83D\uDE00!");
            out.writeUTF("modified \0 UTF-8 \u4E00");
            out.write(new byte[] {9, 8, 7}, 1, 2);
        }
        assertArrayEquals(bytes.toByteArray(), ours.getCopyOfBuffer());
    }

    @Test
    void readsWhatDataOutputStreamWrote() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream jdk = new DataOutputStream(bytes);
        jdk.writeInt(-7);
        jdk.writeLong(Long.MIN_VALUE);
        jdk.writeDouble(0.1);
        jdk.writeShort(-3);
        jdk.writeUTF("h\u00E9llo \u4E00");
        DataInputDeserializer in = new DataInputDeserializer(bytes.toByteArray());
        assertEquals(-7, in.readInt());
        assertEquals(Long.MIN_VALUE, in.readLong());
        assertEquals(0.1, in.readDouble());
        assertEquals(65533, in.readUnsignedShort());
        assertEquals("h\u00E9llo \u4E00", in.readUTF());
        assertEquals(0, in.available());
    }

    @Test
    void writeUtfHandlesStringsBeyond64KilobytesAndReadsThemBack() throws IOException {
        String longString = "\u4E00".repeat(30_000); // 90,000 bytes in modified UTF-8
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeUTF(longString);
        out.writeUTF("short");
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertEquals(longString, in.readUTF());
        assertEquals("short", in.readUTF());
        // Below the limit the format is the JDK's.
        assertEquals("short", new DataInputStream(new ByteArrayInputStream(out.getCopyOfBuffer(),
                out.length() - 7, 7)).readUTF());
    }

    @Test
    void growsAndKeepsWhatWasWritten() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(2);
        for (int i = 0; i < 1000; i++) {
            out.writeInt(i);
        }
        assertEquals(4000, out.length());
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, in.readInt());
        }
        out.clear();
        assertEquals(0, out.length());
    }

    @Test
    void setPositionRewritesAReservedLength() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(0);
        out.writeLong(42);
        int end = out.length();
        out.setPosition(0);
        out.writeInt(end - 4);
        out.setPosition(end);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertEquals(8, in.readInt());
        assertEquals(42, in.readLong());
    }

    @Test
    void readsARangeOfAnArrayAndReportsPosition() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6};
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(data, 2, 3);
        assertEquals(3, in.available());
        assertEquals(2, in.getPosition());
        assertEquals(3, in.readByte());
        assertEquals(3, in.getPosition());
        byte[] rest = new byte[4];
        assertEquals(2, in.read(rest, 0, 4));
        assertEquals(-1, in.read(rest, 0, 4));
        assertEquals(0, in.skipBytes(3));
    }

    @Test
    void readingPastTheEndFailsWithEof() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[3]);
        assertThrows(EOFException.class, in::readInt);
        assertThrows(EOFException.class, () -> in.readFully(new byte[4]));
        assertThrows(EOFException.class, () -> in.skipBytesToRead(4));
    }

    @Test
    void copiesFromAnInputView() throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {1, 2, 3, 4});
        DataOutputSerializer out = new DataOutputSerializer(1);
        out.write(in, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, out.getCopyOfBuffer());
        assertEquals(1, in.available());
    }

    @Test
    void readLineSplitsOnAnyLineEnd() {
        DataInputDeserializer in = new DataInputDeserializer("a\nb\r\nc\rd".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("a", in.readLine());
        assertEquals("b", in.readLine());
        assertEquals("c", in.readLine());
        assertEquals("d", in.readLine());
        assertNull(in.readLine());
    }

    @Test
    void sharedBufferIsTheInternalArray() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeByte(1);
        assertSame(out.getSharedBuffer(), out.getSharedBuffer());
        assertEquals(1, out.getSharedBuffer()[0]);
    }
}
