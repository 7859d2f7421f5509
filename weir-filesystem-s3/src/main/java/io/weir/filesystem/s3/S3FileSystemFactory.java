package io.weir.filesystem.s3;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.FileSystemFactory;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Makes the file system of one bucket for {@code s3://bucket/...} paths, configured by {@link S3Options}. */
public final class S3FileSystemFactory implements FileSystemFactory {

    @Override
    public String getScheme() {
        return "s3";
    }

    @Override
    public FileSystem create(URI fsUri, Configuration config) {
        String bucket = fsUri.getAuthority();
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("An s3:// path needs a bucket: s3://<bucket>/<key>, was " + fsUri);
        }
        return new S3FileSystem(client(config), bucket);
    }

    static S3Client client(Configuration config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.get(S3Options.REGION)))
                .forcePathStyle(config.get(S3Options.PATH_STYLE_ACCESS));
        String endpoint = config.get(S3Options.ENDPOINT);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        String accessKey = config.get(S3Options.ACCESS_KEY);
        String secretKey = config.get(S3Options.SECRET_KEY);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalConfigurationException("Set both " + S3Options.ACCESS_KEY.key() + " and "
                    + S3Options.SECRET_KEY.key() + ", or neither (then the AWS default credentials are used)");
        }
        builder.credentialsProvider(accessKey == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return builder.build();
    }
}
