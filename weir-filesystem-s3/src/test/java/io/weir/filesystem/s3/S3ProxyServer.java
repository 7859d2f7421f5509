package io.weir.filesystem.s3;

import io.weir.api.configuration.Configuration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-process S3-compatible server (s3proxy) on a loopback port chosen by the OS, storing objects
 * in a local directory, with one bucket created; and the Weir options that point {@code s3://} at it.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "weir-access";
    static final String SECRET_KEY = "weir-secret-key";

    private final S3Proxy proxy;
    private final Configuration config = new Configuration();

    S3ProxyServer(Path storage, String bucket) throws Exception {
        java.nio.file.Files.createDirectories(storage);
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(storage.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start within 30 s: " + proxy.getState());
            }
            Thread.onSpinWait();
        }
        config.set(S3Options.ENDPOINT, "http://127.0.0.1:" + proxy.getPort());
        config.set(S3Options.PATH_STYLE_ACCESS, true);
        config.set(S3Options.ACCESS_KEY, ACCESS_KEY);
        config.set(S3Options.SECRET_KEY, SECRET_KEY);
        try (S3Client client = S3FileSystemFactory.client(config)) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    /** The options that make {@code s3://} paths use this server. */
    Configuration config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
