package io.weir.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.fs.FileSystem;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.filesystem.s3.S3Options;
import io.weir.testutils.MiniClusterExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An Iceberg warehouse on {@code s3://}: a JdbcCatalog (sqlite) whose table files go through Weir's
 * S3 file system ({@link WeirFileSystemIO}) to an in-process S3-compatible server (s3proxy, on a
 * loopback port the OS picks); a job with two writers commits into it, and Iceberg's reader reads
 * the rows back from S3.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IcebergS3WarehouseTest {
    private static final String ACCESS_KEY = "weir-access";
    private static final String SECRET_KEY = "weir-secret-key";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @TempDir
    static Path dir;
    static S3Proxy proxy;

    @BeforeAll
    static void startS3() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("s3"));
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.resolve("s3").toString()))
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
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
        try (S3Client client = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            client.createBucket(b -> b.bucket("lake"));
        }
        Configuration config = new Configuration();
        config.set(S3Options.ENDPOINT, endpoint);
        config.set(S3Options.PATH_STYLE_ACCESS, true);
        config.set(S3Options.ACCESS_KEY, ACCESS_KEY);
        config.set(S3Options.SECRET_KEY, SECRET_KEY);
        FileSystem.initialize(config);
    }

    @AfterAll
    static void stopS3() throws Exception {
        FileSystem.initialize(new Configuration());
        if (proxy != null) {
            proxy.stop();
        }
    }

    @Test
    void aJobCommitsIntoATableOnAnS3WarehouseAndIcebergReadsItBack() throws Exception {
        CatalogLoader loader = CatalogLoader.jdbc("lake", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
                "warehouse", "s3://lake/warehouse"));
        Catalog catalog = loader.loadCatalog();
        ((SupportsNamespaces) catalog).createNamespace(Namespace.of("db"));
        TableIdentifier id = TableIdentifier.of("db", "numbers");
        Schema schema = new Schema(
                org.apache.iceberg.types.Types.NestedField.required(1, "id", org.apache.iceberg.types.Types.LongType.get()),
                org.apache.iceberg.types.Types.NestedField.optional(2, "parity", org.apache.iceberg.types.Types.StringType.get()));
        catalog.createTable(id, schema, PartitionSpec.builderFor(schema).identity("parity").build());

        long rows = 500;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        TypeInformation<Row> type = Types.ROW_NAMED(new String[] {"id", "parity"}, Types.LONG, Types.STRING);
        IcebergSink.forRow(env.fromSource(new DataGeneratorSource<>(i -> i, rows, RateLimiterStrategy.perSecond(2_000),
                                Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                        .map(i -> Row.of(i, i % 2 == 0 ? "even" : "odd")).returns(type))
                .tableLoader(TableLoader.fromCatalog(loader, id))
                .writeParallelism(2)
                .append();
        env.execute("iceberg on s3");

        Table table = catalog.loadTable(id);
        assertTrue(table.location().startsWith("s3://lake/warehouse/db/numbers"), table.location());
        List<Long> ids = new ArrayList<>();
        try (CloseableIterable<Record> read = IcebergGenerics.read(table).build()) {
            for (Record record : read) {
                ids.add((Long) record.getField("id"));
                assertEquals((Long) record.getField("id") % 2 == 0 ? "even" : "odd", record.getField("parity"));
            }
        }
        assertEquals(java.util.stream.LongStream.range(0, rows).boxed().toList(), ids.stream().sorted().toList());
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                assertTrue(task.file().location().startsWith("s3://lake/warehouse/db/numbers/data/parity="),
                        task.file().location());
            }
        }
        assertTrue(FileSystem.get(URI.create("s3://lake/")).exists(
                new io.weir.api.fs.Path(table.currentSnapshot().manifestListLocation())), "the metadata is on S3 too");
        ((AutoCloseable) catalog).close();
    }

    @Test
    void aHadoopCatalogOnS3FailsSayingToUseTheJdbcCatalog() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatalogLoader.hadoop("lake", Map.of("warehouse", "s3://lake/warehouse")));
        assertTrue(e.getMessage().contains("use the jdbc catalog"), e.getMessage());
    }
}
