package io.weir.filesystem.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.fs.RecoverableFsDataOutputStream;
import io.weir.api.fs.RecoverableWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The s3:// file system against an in-process s3proxy: objects, prefixes as directories, multipart commits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3FileSystemTest {
    @TempDir
    static java.nio.file.Path storage;

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer(storage.resolve("s3"), "fs-test");
        FileSystem.initialize(server.config());
    }

    @AfterAll
    static void stopServer() throws Exception {
        FileSystem.initialize(new io.weir.api.configuration.Configuration());
        server.close();
    }

    private static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @Test
    void writeListReadSeekRenameDelete() throws IOException {
        Path file = new Path("s3://fs-test/basic/dir/data.bin");
        FileSystem fs = file.getFileSystem();
        assertInstanceOf(S3FileSystem.class, fs);
        byte[] data = bytes(300_000);
        try (FSDataOutputStream out = fs.create(file, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write(data);
        }
        assertThrows(IOException.class, () -> fs.create(file, FileSystem.WriteMode.NO_OVERWRITE));
        assertEquals(data.length, fs.getFileStatus(file).getLen());
        assertTrue(fs.getFileStatus(new Path("s3://fs-test/basic/dir")).isDir());
        assertTrue(fs.getFileStatus(new Path("s3://fs-test/basic")).isDir());
        FileStatus[] top = fs.listStatus(new Path("s3://fs-test/basic"));
        assertEquals(1, top.length);
        assertEquals(new Path("s3://fs-test/basic/dir"), top[0].getPath());
        assertTrue(top[0].isDir());

        try (FSDataInputStream in = fs.open(file)) {
            in.seek(250_000);
            assertEquals(data[250_000] & 0xFF, in.read());
            in.seek(10);
            assertArrayEquals(Arrays.copyOfRange(data, 10, 100_010), in.readNBytes(100_000));
            assertEquals(100_010, in.getPos());
            in.seek(data.length);
            assertEquals(-1, in.read());
        }

        Path moved = new Path("s3://fs-test/basic/other.bin");
        assertTrue(fs.rename(file, moved));
        assertFalse(fs.exists(file));
        assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(new Path("s3://fs-test/basic/dir")));
        assertThrows(IOException.class, () -> fs.delete(new Path("s3://fs-test/basic"), false));
        assertTrue(fs.delete(new Path("s3://fs-test/basic"), true));
        assertFalse(fs.exists(moved));
        assertFalse(fs.delete(moved, false));
    }

    @Test
    void aMultipartFileAppearsOnlyWhenCommittedAndARepeatedCommitIsAccepted() throws IOException {
        Path target = new Path("s3://fs-test/upload/part-0");
        FileSystem fs = target.getFileSystem();
        RecoverableWriter writer = fs.createRecoverableWriter();
        byte[] data = bytes((int) S3MultipartOutputStream.PART_SIZE * 2 + 12_345);
        RecoverableFsDataOutputStream out = writer.open(target);
        out.write(data, 0, 1000);
        out.write(data, 1000, data.length - 1000);
        RecoverableFsDataOutputStream.Committer committer = out.closeForCommit();
        assertFalse(fs.exists(target), "invisible before the commit");

        SimpleVersionedSerializer<RecoverableWriter.CommitRecoverable> serializer = writer.getCommitRecoverableSerializer();
        byte[] handle = serializer.serialize(committer.getRecoverable());
        RecoverableFsDataOutputStream.Committer recovered =
                writer.recoverForCommit(serializer.deserialize(serializer.getVersion(), handle));
        recovered.commitAfterRecovery();
        try (FSDataInputStream in = fs.open(target)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        recovered.commitAfterRecovery();
        assertEquals(data.length, fs.getFileStatus(target).getLen(), "a repeated commit keeps the object");

        fs.delete(target, false);
        IOException gone = assertThrows(IOException.class, recovered::commitAfterRecovery);
        assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
    }

    @Test
    void anEmptyFileCanBeCommittedAndAnAbandonedOneNeverAppears() throws IOException {
        FileSystem fs = new Path("s3://fs-test/").getFileSystem();
        RecoverableWriter writer = fs.createRecoverableWriter();
        Path empty = new Path("s3://fs-test/edge/empty");
        writer.open(empty).closeForCommit().commit();
        assertEquals(0, fs.getFileStatus(empty).getLen());

        Path abandoned = new Path("s3://fs-test/edge/abandoned");
        RecoverableFsDataOutputStream out = writer.open(abandoned);
        out.write(bytes(100));
        out.close();
        assertFalse(fs.exists(abandoned));
        Set<String> names = new TreeSet<>();
        for (FileStatus status : fs.listStatus(new Path("s3://fs-test/edge"))) {
            names.add(status.getPath().getName());
        }
        assertEquals(Set.of("empty"), names);
    }

    @Test
    void aPathWithoutBucketOrWithHalfTheCredentialsIsRefusedClearly() {
        IllegalArgumentException noBucket = assertThrows(IllegalArgumentException.class,
                () -> new S3FileSystemFactory().create(java.net.URI.create("s3:///x"), server.config()));
        assertTrue(noBucket.getMessage().contains("needs a bucket"), noBucket.getMessage());
        io.weir.api.configuration.Configuration half = new io.weir.api.configuration.Configuration();
        half.set(S3Options.ACCESS_KEY, "only-this");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> S3FileSystemFactory.client(half));
        assertTrue(e.getMessage().contains("s3.secret-key"), e.getMessage());
    }
}
