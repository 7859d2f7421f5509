package io.weir.api.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemTest {

    @Test
    void pathsKeepSchemeAuthorityAndNormalizedPath() {
        Path s3 = new Path("s3://bucket/dir//part-0/");
        assertEquals("s3", s3.toUri().getScheme());
        assertEquals("bucket", s3.toUri().getAuthority());
        assertEquals("s3://bucket/dir/part-0", s3.toString());
        assertEquals("part-0", s3.getName());
        assertEquals(new Path("s3://bucket/dir"), s3.getParent());
        assertEquals(new Path("s3://bucket/dir/part-0/x"), new Path(s3, "x"));
        assertEquals("/data/in", new Path("/data/in").toString());
        assertEquals("file:///data/in", new Path("file:///data/in").toString());
        assertEquals("/", new Path("/a").getParent().toString());
        assertNull(new Path("/").getParent());
        assertEquals("a b", new Path("/x/a b").getName(), "spaces need no escaping");
    }

    @Test
    void pathsWithoutSchemeAndFileUrisAreTheLocalFileSystem() throws IOException {
        assertSame(FileSystem.getLocalFileSystem(), new Path("/tmp").getFileSystem());
        assertSame(FileSystem.getLocalFileSystem(), FileSystem.get(URI.create("file:///tmp")));
    }

    @Test
    void anUnknownSchemeSaysWhichModuleToAdd() {
        IOException e = assertThrows(IOException.class, () -> FileSystem.get(URI.create("nope://x/y")));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("Known schemes: file"), e.getMessage());
    }

    @Test
    void createListOpenSeekRenameDelete(@TempDir java.nio.file.Path dir) throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        Path base = Path.fromLocalFile(dir.toFile());
        Path file = new Path(base, "sub/data.bin");
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        try (FSDataOutputStream out = fs.create(file, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write(data);
            assertEquals(data.length, out.getPos());
        }
        assertThrows(IOException.class, () -> fs.create(file, FileSystem.WriteMode.NO_OVERWRITE));
        assertEquals(data.length, fs.getFileStatus(file).getLen());
        assertTrue(fs.getFileStatus(new Path(base, "sub")).isDir());
        assertEquals(1, fs.listStatus(new Path(base, "sub")).length);

        try (FSDataInputStream in = fs.open(file)) {
            in.seek(150_000);
            assertEquals((byte) 150_000, (byte) in.read());
            assertEquals(150_001, in.getPos());
            in.seek(3);
            byte[] back = in.readNBytes(100_000);
            assertArrayEquals(Arrays.copyOfRange(data, 3, 100_003), back);
            in.seek(data.length);
            assertEquals(-1, in.read());
        }

        Path moved = new Path(base, "other/moved.bin");
        assertTrue(fs.rename(file, moved));
        assertFalse(fs.exists(file));
        assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(file));
        assertThrows(IOException.class, () -> fs.delete(new Path(base, "other"), false));
        assertTrue(fs.delete(new Path(base, "other"), true));
        assertFalse(fs.exists(moved));
        assertFalse(fs.delete(moved, false));
    }

    @Test
    void recoverableWriterPublishesOnlyOnCommitAndACommitCanBeRepeated(@TempDir java.nio.file.Path dir)
            throws IOException {
        RecoverableWriter writer = FileSystem.getLocalFileSystem().createRecoverableWriter();
        Path target = new Path(Path.fromLocalFile(dir.toFile()), "part-0");
        RecoverableFsDataOutputStream out = writer.open(target);
        out.write("hello".getBytes(StandardCharsets.UTF_8));
        RecoverableFsDataOutputStream.Committer committer = out.closeForCommit();
        assertFalse(Files.exists(dir.resolve("part-0")), "invisible before the commit");
        assertTrue(Files.exists(dir.resolve(".part-0.inprogress")));

        SimpleVersionedSerializer<RecoverableWriter.CommitRecoverable> serializer = writer.getCommitRecoverableSerializer();
        byte[] handle = serializer.serialize(committer.getRecoverable());
        committer.commit();
        assertEquals("hello", Files.readString(dir.resolve("part-0")));

        RecoverableFsDataOutputStream.Committer recovered =
                writer.recoverForCommit(serializer.deserialize(serializer.getVersion(), handle));
        recovered.commitAfterRecovery();
        assertEquals("hello", Files.readString(dir.resolve("part-0")), "a repeated commit keeps the file");

        Files.delete(dir.resolve("part-0"));
        IOException gone = assertThrows(IOException.class, recovered::commitAfterRecovery);
        assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
    }
}
