package io.weir.filesystem.s3;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptionProvider;
import io.weir.api.configuration.ConfigOptions;
import java.util.List;

/** The options of the {@code s3://} file system, with Flink's keys. */
public final class S3Options implements ConfigOptionProvider {

    public static final ConfigOption<String> ENDPOINT = ConfigOptions.key("s3.endpoint")
            .stringType().noDefaultValue()
            .withDescription("The S3 endpoint URL, for S3-compatible stores (MinIO, s3proxy, Ceph): e.g. "
                    + "http://127.0.0.1:9000. Unset: AWS S3 of the region.");

    public static final ConfigOption<Boolean> PATH_STYLE_ACCESS = ConfigOptions.key("s3.path.style.access")
            .booleanType().defaultValue(false)
            .withDescription("Address buckets as http://endpoint/bucket/key instead of http://bucket.endpoint/key; "
                    + "most S3-compatible stores need true.");

    public static final ConfigOption<String> ACCESS_KEY = ConfigOptions.key("s3.access-key")
            .stringType().noDefaultValue()
            .withDescription("The access key id. Unset: the AWS SDK's default credentials chain (environment, "
                    + "profile, instance role).");

    public static final ConfigOption<String> SECRET_KEY = ConfigOptions.key("s3.secret-key")
            .stringType().noDefaultValue()
            .withDescription("The secret access key that goes with s3.access-key.");

    public static final ConfigOption<String> REGION = ConfigOptions.key("s3.region")
            .stringType().defaultValue("us-east-1")
            .withDescription("The region requests are signed for.");

    @Override
    public List<ConfigOption<?>> options() {
        return List.of(ENDPOINT, PATH_STYLE_ACCESS, ACCESS_KEY, SECRET_KEY, REGION);
    }

    @Override
    public List<String> claimedNamespaces() {
        return List.of("s3.");
    }
}
