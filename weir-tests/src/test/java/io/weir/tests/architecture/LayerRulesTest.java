package io.weir.tests.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.weir.tests.architecture.fixture.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked by machine: dependencies point down the layers of DESIGN.md, each
 * third-party library stays behind its one package, and class names say what a class is.
 *
 * <p>There are no frozen exceptions: a violation is fixed in the code, or the rule is changed
 * here, in review, with its reason. The second half of this class feeds deliberately bad fixture
 * classes to the same rule builders, so a rule that silently checks nothing cannot pass unnoticed.
 */
class LayerRulesTest {

    private static final String JDK = "java..";

    private static final ArchRule API_USES_ONLY_THE_JDK = mayOnlyUse(
            "io.weir.api..",
            "the API is what users compile against: it must drag in no library and no engine internals",
            JDK, "io.weir.api..");

    private static final ArchRule RUNTIME_USES_ONLY_API_LOGGING_AND_KRYO = mayOnlyUse(
            "io.weir.runtime..",
            "the runtime is embedded in every job; each library it adds lands on every user's classpath",
            JDK, "io.weir.api..", "io.weir.runtime..", "org.slf4j..",
            "com.esotericsoftware..", "org.objenesis..",
            // the JDK's management API: JVM metrics and the JMX reporter
            "javax.management..",
            // the JDK's TLS: SslSettings reads the security.ssl.* key stores for every module that speaks TLS
            "javax.net.ssl..");


    private static final ArchRule WEB_USES_ONLY_API_RUNTIME_AND_ITS_HTTP_LIBRARIES = mayOnlyUse(
            "io.weir.web..",
            "the cluster's HTTP face reads the runtime through its query methods; its server and JSON libraries"
                    + " stay inside it",
            JDK, "io.weir.api..", "io.weir.runtime..", "io.weir.web..", "org.slf4j..", "io.javalin..",
            "com.fasterxml.jackson..", "kotlin..",
            // HTTPS (security.ssl.rest.*): Javalin takes the TLS connector as Jetty's own types
            "org.eclipse.jetty..", "javax.net.ssl..");

    private static final ArchRule TEST_UTILS_USE_ONLY_API_RUNTIME_AND_JUNIT = mayOnlyUse(
            "io.weir.testutils..",
            "the harnesses are published for users' own tests and must run with just Weir and JUnit (and the"
                    + " JDK's compiler, with which ClassVersions makes two versions of a class for schema evolution tests)",
            JDK, "javax.tools..", "io.weir.api..", "io.weir.runtime..", "io.weir.testutils..", "org.junit..",
            "org.slf4j..");

    private static final ArchRule CLI_USES_ONLY_API_RUNTIME_AND_PICOCLI = mayOnlyUse(
            "io.weir.cli..",
            "the CLI is a thin shell over the engine; anything heavier belongs in a layer of its own",
            JDK, "io.weir.api..", "io.weir.runtime..", "io.weir.web..", "io.weir.sql..", "io.weir.cluster..", "io.weir.cli..", "picocli..",
            "org.slf4j..", "com.github.javaparser..", "org.jline..");

    private static final ArchRule JLINE_ONLY_IN_THE_SQL_CLIENT = onlyUsedBy(
            "org.jline..",
            "the line editor serves the interactive SQL client only; the rest of the CLI reads plain arguments",
            "io.weir.cli.sql..");

    private static final ArchRule JAVAPARSER_ONLY_IN_THE_MIGRATE_TOOL = onlyUsedBy(
            "com.github.javaparser..",
            "the Java parser serves the source rewrite of 'weir migrate' only, so it stays out of the engine's way",
            "io.weir.cli.migrate..");

    private static final ArchRule SQL_USES_ONLY_API_RUNTIME_CALCITE_AND_JANINO = mayOnlyUse(
            "io.weir.sql..",
            "the SQL layer sits on the engine and brings in its planner and compiler, nothing else",
            JDK, "io.weir.api..", "io.weir.runtime..", "io.weir.sql..", "org.slf4j..",
            "org.apache.calcite..", "org.codehaus.janino..", "org.codehaus.commons..",
            // Calcite's public API hands out Guava collections and carries checker annotations.
            "com.google.common..", "org.checkerframework..");

    private static final ArchRule ROCKSDB_BACKEND_USES_ONLY_API_RUNTIME_AND_ROCKSDB = mayOnlyUse(
            "io.weir.statebackend.rocksdb..",
            "a state backend plugs into the runtime's state SPI and brings its one library",
            JDK, "io.weir.api..", "io.weir.runtime..", "io.weir.statebackend.rocksdb..", "org.rocksdb..", "org.slf4j..");

    private static final ArchRule EXAMPLES_USE_ONLY_THE_API = mayOnlyUse(
            "io.weir.examples..",
            "examples are what users write and copy: they must compile against the public API alone (with the"
                    + " connectors and formats users add as dependencies)",
            JDK, "io.weir.api..", "io.weir.connector..", "io.weir.formats..", "io.weir.examples..");

    private static final ArchRule NETWORK_USES_ONLY_API_RUNTIME_AND_NETTY = mayOnlyUse(
            "io.weir.network..",
            "the data plane carries the runtime's buffers over Netty and nothing else; the processes and their"
                    + " control plane sit above it",
            JDK, "io.weir.api..", "io.weir.runtime..", "io.weir.network..", "org.slf4j..", "io.netty..",
            "javax.net.ssl.."); // TLS with the JDK's provider (security.ssl.internal.*)

    private static final ArchRule CLUSTER_USES_ONLY_API_RUNTIME_AND_NETWORK = mayOnlyUse(
            "io.weir.cluster..",
            "the processes wire the runtime's roles to the network module's planes; libraries stay behind those modules"
                    + " (ZooKeeper and Curator behind io.weir.cluster.ha); a standby's REST port, which only redirects"
                    + " to the leader, is the JDK's own HTTP server (jdk.httpserver), not weir-web's",
            JDK, "io.weir.api..", "io.weir.runtime..", "io.weir.network..", "io.weir.cluster..", "org.slf4j..",
            "org.apache.curator..", "org.apache.zookeeper..", "com.sun.net.httpserver..",
            "javax.net.ssl.."); // the standby's port serves HTTPS with security.ssl.rest.*

    private static final ArchRule ZOOKEEPER_ONLY_IN_CLUSTER_HA = noClasses()
            .that().resideOutsideOfPackages("io.weir.cluster.ha..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.curator..", "org.apache.zookeeper..")
            .because("leader election and the HA records are one package's business; the processes see leaders and"
                    + " stores, not ZooKeeper nodes")
            .allowEmptyShould(true);

    private static final ArchRule API_DOES_NOT_REACH_UP = mustNotUse(
            "io.weir.api..",
            "dependencies point down only: the API is the bottom layer",
            "io.weir.runtime..", "io.weir.cli..", "io.weir.testutils..", "io.weir.web..", "io.weir.sql..");

    private static final ArchRule RUNTIME_DOES_NOT_REACH_UP = mustNotUse(
            "io.weir.runtime..",
            "dependencies point down only: tools, tests, benchmarks and examples sit above the runtime",
            "io.weir.testutils..", "io.weir.cli..", "io.weir.bench..", "io.weir.examples..", "io.weir.web..", "io.weir.sql..",
            "io.weir.network..", "io.weir.cluster..",
            // the runtime finds state backends by ServiceLoader; it never names one
            "io.weir.statebackend..");

    /** A connector's SQL table factory lives in its {@code table} package; the rest of the connector is DataStream only. */
    private static final String CONNECTOR_TABLE_FACTORIES = "io.weir.connector.*.table..";

    private static final ArchRule CONNECTORS_USE_ONLY_THE_API_OF_WEIR = classes()
            .that().resideInAPackage("io.weir.connector..").and().resideOutsideOfPackage(CONNECTOR_TABLE_FACTORIES)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.weir..")
                    .or(resideInAnyPackage("io.weir.api..", "io.weir.connector..")))
            .because("a connector is what a third party could write: it sees the public API, never the engine's insides")
            .allowEmptyShould(true);

    private static final ArchRule CONNECTOR_TABLE_FACTORIES_USE_ONLY_THE_SQL_SPI = mayUseOfWeirOnly(
            CONNECTOR_TABLE_FACTORIES, "io.weir",
            "a connector plugs into SQL through the SQL layer's SPI (TableFactory, the catalog's table, ValidationException),"
                    + " never through its planner or runtime, and depends on weir-sql only where SQL runs (provided scope)",
            "io.weir.api..", "io.weir.connector..", "io.weir.sql.connectors..", "io.weir.sql.catalog..", "io.weir.sql.api..",
            // a catalog column's type (Column.type()), with its precision and scale
            "io.weir.sql.types..");

    private static final ArchRule KAFKA_CONNECTOR_USES_ONLY_API_AND_KAFKA_CLIENTS = mayOnlyUse(
            "io.weir.connector.kafka..",
            "the Kafka connector ships as one jar plus kafka-clients; any other library would land on users' classpaths."
                    + " Its table factories see only the SQL SPI",
            JDK, "io.weir.api..", "io.weir.connector.kafka..", "org.apache.kafka..", "io.weir.sql.connectors..",
            "io.weir.sql.catalog..", "io.weir.sql.api..",
            // the types of its readable metadata keys (SupportsReadingMetadata), as a catalog column's type
            "io.weir.sql.types..");

    private static final ArchRule MQTT_CONNECTOR_USES_ONLY_API_AND_PAHO = mayOnlyUse(
            "io.weir.connector.mqtt..",
            "the MQTT connector ships as one jar plus the Paho client; its table factory sees only the SQL SPI",
            JDK, "io.weir.api..", "io.weir.connector.mqtt..", "org.eclipse.paho.client.mqttv3..",
            "io.weir.sql.connectors..", "io.weir.sql.catalog..", "io.weir.sql.api..");

    private static final ArchRule JDBC_CONNECTOR_USES_ONLY_API_AND_JAVA_SQL = mayOnlyUse(
            "io.weir.connector.jdbc..",
            "the JDBC connector speaks java.sql only; the user brings the driver of their database, so no driver"
                    + " (and no other library) is compiled in",
            JDK, "io.weir.api..", "io.weir.connector.jdbc..", "io.weir.sql.connectors..", "io.weir.sql.catalog..",
            "io.weir.sql.api..");

    private static final ArchRule ICEBERG_CONNECTOR_USES_ONLY_API_ICEBERG_AND_HADOOP = mayOnlyUse(
            "io.weir.connector.iceberg..",
            "the Iceberg connector ships as one jar plus Iceberg (core, data, parquet) and the shaded Hadoop client that"
                    + " Iceberg's Parquet writer and HadoopCatalog need; its table factory sees only the SQL SPI",
            JDK, "io.weir.api..", "io.weir.connector.iceberg..", "org.apache.iceberg..", "org.apache.hadoop..",
            "org.apache.parquet.schema..",
            "io.weir.sql.connectors..", "io.weir.sql.catalog..", "io.weir.sql.api..", "io.weir.sql.types..");

    private static final ArchRule ICEBERG_ONLY_IN_ITS_CONNECTOR = onlyUsedBy(
            "org.apache.iceberg..",
            "a connector wraps its client library; nothing else may depend on a particular external system",
            "io.weir.connector.iceberg..");

    /** A format's SQL factory lives in its {@code table} package; the rest of the format is DataStream only. */
    private static final String FORMAT_TABLE_FACTORIES = "io.weir.formats.*.table..";

    private static final ArchRule FORMATS_USE_ONLY_THE_API_OF_WEIR = classes()
            .that().resideInAPackage("io.weir.formats..").and().resideOutsideOfPackage(FORMAT_TABLE_FACTORIES)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.weir..")
                    .or(resideInAnyPackage("io.weir.api..", "io.weir.formats..", "io.weir.connector.file.src.reader..",
                            "io.weir.connector.file.src.util..")))
            .because("a format plugs into any connector through the API's serialization schemas and bulk writers (and"
                    + " into the FileSource through its StreamFormat), so it needs nothing else of Weir")
            .allowEmptyShould(true);

    private static final ArchRule FORMAT_TABLE_FACTORIES_USE_ONLY_THE_SQL_SPI = mayUseOfWeirOnly(
            FORMAT_TABLE_FACTORIES, "io.weir",
            "a format plugs into SQL through the SQL layer's format SPI (a file format through the filesystem"
                    + " connector's BulkFormatFactory and the FileSource's StreamFormat), never through its planner or runtime",
            "io.weir.api..", "io.weir.formats..", "io.weir.sql.connectors..", "io.weir.sql.api..",
            "io.weir.connector.file.src.reader..", "io.weir.connector.file.table..");

    private static final ArchRule PAHO_ONLY_IN_THE_MQTT_CONNECTOR = onlyUsedBy(
            "org.eclipse.paho..",
            "a connector wraps its client library; nothing else may depend on a particular external system",
            "io.weir.connector.mqtt..");

    private static final ArchRule S3_FILE_SYSTEM_USES_ONLY_API_AND_AWS_SDK = mayOnlyUse(
            "io.weir.filesystem.s3..",
            "a file system plugs in through the API's FileSystemFactory and wraps one client library, so it ships as"
                    + " one jar plus its SDK",
            JDK, "io.weir.api..", "io.weir.filesystem.s3..", "software.amazon.awssdk..");

    private static final ArchRule AWS_SDK_ONLY_IN_THE_S3_FILE_SYSTEM = onlyUsedBy(
            "software.amazon.awssdk..",
            "object storage is reached through the file-system abstraction; only its S3 implementation knows the SDK",
            "io.weir.filesystem.s3..");

    private static final ArchRule PARQUET_AVRO_AND_HADOOP_ONLY_IN_THE_PARQUET_FORMAT = onlyUsedBy(
            "org.apache.parquet..",
            "Parquet (with Avro and Hadoop's configuration under it) is one format's business (and the file format of"
                    + " Iceberg tables); no other module carries its 50 MB of jars",
            "io.weir.formats.parquet..", "io.weir.connector.iceberg..");

    private static final ArchRule AVRO_ONLY_IN_THE_AVRO_AND_PARQUET_FORMATS = onlyUsedBy(
            "org.apache.avro..",
            "Avro describes the records of two file formats; nothing else of Weir should carry it",
            "io.weir.formats.avro..", "io.weir.formats.parquet..");

    private static final ArchRule HADOOP_ONLY_IN_THE_PARQUET_FORMAT = onlyUsedBy(
            "org.apache.hadoop..",
            "Hadoop is there only because Parquet's writer needs its Configuration (and Iceberg's HadoopCatalog its"
                    + " FileSystem); Weir has its own file systems",
            "io.weir.formats.parquet..", "io.weir.connector.iceberg..");

    private static final ArchRule NETTY_ONLY_IN_NETWORK = onlyUsedBy(
            "io.netty..",
            "the remote data plane is the one place that knows Netty; tasks see channels, not sockets",
            "io.weir.network..");

    private static final ArchRule CALCITE_ONLY_IN_SQL = onlyUsedBy(
            "org.apache.calcite..",
            "Calcite is used through its extension points in the SQL planner, so it can be upgraded in one place",
            "io.weir.sql..");

    private static final ArchRule JANINO_ONLY_IN_SQL = onlyUsedBy(
            "org.codehaus..",
            "expressions are compiled to bytecode in the SQL layer; nothing else generates code at run time",
            "io.weir.sql..");

    private static final ArchRule KAFKA_ONLY_IN_ITS_CONNECTOR = onlyUsedBy(
            "org.apache.kafka..",
            "a connector wraps its client library; nothing else may depend on a particular external system",
            "io.weir.connector.kafka..");

    /**
     * The built-in operators with machinery of their own live in the runtime; what the API's own
     * operators (map, process, ...) share with it stays in one internal package, which nothing a
     * user programs against (datastream, functions, state, windowing, eventtime, ...) may reach.
     * An allow-list, so that a new user-facing package is covered without being named here.
     */
    private static final ArchRule OPERATOR_INTERNALS_STAY_OUT_OF_THE_USER_API = onlyUsedBy(
            "io.weir.api.operators.internal..",
            "what the API's operators share with the runtime is no user API: jobs must not be able to depend on it",
            "io.weir.api.operators", "io.weir.api.operators.internal..", "io.weir.runtime..", "io.weir.testutils..");

    private static final ArchRule ROCKSDB_ONLY_IN_ITS_STATE_BACKEND = onlyUsedBy(
            "org.rocksdb..",
            "RocksDB (88 MB of native code) is one state backend's library: the engine reaches it through the state SPI",
            "io.weir.statebackend.rocksdb..");

    private static final ArchRule JAVALIN_ONLY_IN_WEB = onlyUsedBy(
            "io.javalin..",
            "one module serves HTTP, so the server library can be replaced or upgraded in one place",
            "io.weir.web..");

    private static final ArchRule JETTY_ONLY_IN_WEB = onlyUsedBy(
            "org.eclipse.jetty..",
            "Jetty is Javalin's engine; only the web module may see it, and only through Javalin",
            "io.weir.web..");

    private static final ArchRule JACKSON_ONLY_IN_WEB_AND_JSON_FORMAT = onlyUsedBy(
            "com.fasterxml.jackson..",
            "JSON is the business of the REST API and of the JSON format; the engine has its own serializers",
            "io.weir.web..", "io.weir.formats.json..");

    private static final ArchRule SELENIUM_ONLY_IN_TESTS = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.openqa..")
            .because("Selenium drives the dashboard's browser tests (weir-web, test scope); no shipped class needs it")
            .allowEmptyShould(true);

    // Generated code keeps the names its generator gives (JavaCC's XTokenManager, XConstants).
    private static final String GENERATED = "io.weir.sql.parser.generated..";

    private static final ArchRule NO_VAGUE_SUFFIXES = noClasses().that().resideOutsideOfPackage(GENERATED)
            .should().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Impl")
            .because("a name says what a class is; these suffixes say only that a better name was not found")
            .allowEmptyShould(true);

    private static final ArchRule ONLY_CLUSTER_ROLES_ARE_MANAGERS = classes()
            .that().haveSimpleNameEndingWith("Manager").and().resideOutsideOfPackage(GENERATED)
            .should().haveSimpleNameEndingWith("ResourceManager")
            .orShould().haveSimpleNameEndingWith("TaskManager")
            .because("'Manager' names a role of the cluster (ResourceManager, TaskManager), not a bag of duties")
            .allowEmptyShould(true);

    // the one exception is a Flink public name, kept so that ported programs only rewrite imports:
    // Flink's base class of multiple-input operators, not a second version of a Weir class
    private static final ArchRule NO_VERSIONED_TWINS = noClasses().that().resideOutsideOfPackage(GENERATED)
            .and().doNotHaveFullyQualifiedName("io.weir.api.operators.AbstractStreamOperatorV2")
            .should().haveSimpleNameContaining("V2")
            .orShould().haveSimpleNameContaining("Legacy")
            .because("there is one way to do each thing: a replacement deletes what it replaces")
            .allowEmptyShould(true);

    private static JavaClasses weir;

    @BeforeAll
    static void importMainClassesOfAllModules() {
        weir = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // test fixtures other modules share as test jars (the Kafka broker) are test code too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.weir");
    }

    @Test
    void importHoldsMainClassesAndNoTests() {
        assertTrue(weir.contain("io.weir.cli.WeirCli"), "weir-cli's classes were not imported");
        assertTrue(weir.contain("io.weir.api.environment.StreamExecutionEnvironment"),
                "weir-api's classes were not imported");
        assertTrue(weir.contain("io.weir.connector.kafka.source.KafkaSource"),
                "weir-connector-kafka's classes were not imported");
        assertTrue(weir.contain("io.weir.connector.jdbc.JdbcSink"), "weir-connector-jdbc's classes were not imported");
        assertTrue(weir.contain("io.weir.formats.avro.AvroWriters"), "weir-formats-avro's classes were not imported");
        assertTrue(weir.contain("io.weir.formats.parquet.AvroParquetWriters"),
                "weir-formats-parquet's classes were not imported");
        assertTrue(weir.contain("io.weir.filesystem.s3.S3FileSystemFactory"),
                "weir-filesystem-s3's classes were not imported");
        assertTrue(weir.contain("io.weir.connector.mqtt.source.MqttSource"),
                "weir-connector-mqtt's classes were not imported");
        assertTrue(weir.contain("io.weir.connector.iceberg.IcebergSink"),
                "weir-connector-iceberg's classes were not imported");
        assertTrue(weir.contain("io.weir.connector.jdbc.table.JdbcTableFactory"),
                "the JDBC connector's table factory was not imported");
        assertTrue(weir.contain("io.weir.formats.json.JsonDeserializationSchema"),
                "weir-formats-json's classes were not imported");
        assertTrue(weir.contain("io.weir.web.RestServer"), "weir-web's classes were not imported");
        assertTrue(weir.contain("io.weir.sql.parser.SqlStatementParser"), "weir-sql's classes were not imported");
        assertTrue(weir.contain("io.weir.network.NetworkExchange"), "weir-network's classes were not imported");
        assertTrue(weir.contain("io.weir.cluster.JobManagerProcess"), "weir-cluster's classes were not imported");
        assertTrue(weir.contain("io.weir.statebackend.rocksdb.EmbeddedRocksDBStateBackend"),
                "weir-statebackend-rocksdb's classes were not imported");
        assertFalse(weir.contain(LayerRulesTest.class), "test classes must not be imported");
    }

    @Test
    void javaParserOnlyInTheMigrateTool() {
        JAVAPARSER_ONLY_IN_THE_MIGRATE_TOOL.check(weir);
    }

    @Test
    void apiUsesOnlyTheJdk() {
        API_USES_ONLY_THE_JDK.check(weir);
    }

    @Test
    void runtimeUsesOnlyApiLoggingAndKryo() {
        RUNTIME_USES_ONLY_API_LOGGING_AND_KRYO.check(weir);
    }

    @Test
    void testUtilsUseOnlyApiRuntimeAndJunit() {
        TEST_UTILS_USE_ONLY_API_RUNTIME_AND_JUNIT.check(weir);
    }

    @Test
    void cliUsesOnlyApiRuntimeAndPicocli() {
        CLI_USES_ONLY_API_RUNTIME_AND_PICOCLI.check(weir);
    }

    @Test
    void sqlUsesOnlyApiRuntimeCalciteAndJanino() {
        SQL_USES_ONLY_API_RUNTIME_CALCITE_AND_JANINO.check(weir);
    }

    @Test
    void rocksDbBackendUsesOnlyApiRuntimeAndRocksDb() {
        ROCKSDB_BACKEND_USES_ONLY_API_RUNTIME_AND_ROCKSDB.check(weir);
    }

    @Test
    void examplesUseOnlyTheApi() {
        EXAMPLES_USE_ONLY_THE_API.check(weir);
    }

    @Test
    void clusterUsesOnlyApiRuntimeAndNetwork() {
        CLUSTER_USES_ONLY_API_RUNTIME_AND_NETWORK.check(weir);
    }

    @Test
    void zooKeeperOnlyInClusterHa() {
        ZOOKEEPER_ONLY_IN_CLUSTER_HA.check(weir);
    }

    @Test
    void networkUsesOnlyApiRuntimeAndNetty() {
        NETWORK_USES_ONLY_API_RUNTIME_AND_NETTY.check(weir);
    }

    @Test
    void webUsesOnlyApiRuntimeAndItsHttpLibraries() {
        WEB_USES_ONLY_API_RUNTIME_AND_ITS_HTTP_LIBRARIES.check(weir);
    }

    @Test
    void apiDoesNotReachUp() {
        API_DOES_NOT_REACH_UP.check(weir);
    }

    @Test
    void runtimeDoesNotReachUp() {
        RUNTIME_DOES_NOT_REACH_UP.check(weir);
    }

    @Test
    void connectorsUseOnlyTheApiOfWeir() {
        CONNECTORS_USE_ONLY_THE_API_OF_WEIR.check(weir);
        CONNECTOR_TABLE_FACTORIES_USE_ONLY_THE_SQL_SPI.check(weir);
        KAFKA_CONNECTOR_USES_ONLY_API_AND_KAFKA_CLIENTS.check(weir);
        JDBC_CONNECTOR_USES_ONLY_API_AND_JAVA_SQL.check(weir);
        MQTT_CONNECTOR_USES_ONLY_API_AND_PAHO.check(weir);
        ICEBERG_CONNECTOR_USES_ONLY_API_ICEBERG_AND_HADOOP.check(weir);
    }

    @Test
    void fileSystemsUseOnlyTheApiAndTheirClientLibrary() {
        S3_FILE_SYSTEM_USES_ONLY_API_AND_AWS_SDK.check(weir);
        AWS_SDK_ONLY_IN_THE_S3_FILE_SYSTEM.check(weir);
    }

    @Test
    void formatsUseOnlyTheApiOfWeir() {
        FORMATS_USE_ONLY_THE_API_OF_WEIR.check(weir);
        PARQUET_AVRO_AND_HADOOP_ONLY_IN_THE_PARQUET_FORMAT.check(weir);
        HADOOP_ONLY_IN_THE_PARQUET_FORMAT.check(weir);
        AVRO_ONLY_IN_THE_AVRO_AND_PARQUET_FORMATS.check(weir);
        FORMAT_TABLE_FACTORIES_USE_ONLY_THE_SQL_SPI.check(weir);
    }

    @Test
    void librariesStayBehindTheirWalls() {
        NETTY_ONLY_IN_NETWORK.check(weir);
        CALCITE_ONLY_IN_SQL.check(weir);
        JANINO_ONLY_IN_SQL.check(weir);
        KAFKA_ONLY_IN_ITS_CONNECTOR.check(weir);
        ROCKSDB_ONLY_IN_ITS_STATE_BACKEND.check(weir);
        PAHO_ONLY_IN_THE_MQTT_CONNECTOR.check(weir);
        ICEBERG_ONLY_IN_ITS_CONNECTOR.check(weir);
        JAVALIN_ONLY_IN_WEB.check(weir);
        JETTY_ONLY_IN_WEB.check(weir);
        JACKSON_ONLY_IN_WEB_AND_JSON_FORMAT.check(weir);
        SELENIUM_ONLY_IN_TESTS.check(weir);
        JLINE_ONLY_IN_THE_SQL_CLIENT.check(weir);
    }

    @Test
    void operatorInternalsStayOutOfTheUserApi() {
        OPERATOR_INTERNALS_STAY_OUT_OF_THE_USER_API.check(weir);
    }

    @Test
    void namesSayWhatAClassIs() {
        NO_VAGUE_SUFFIXES.check(weir);
        ONLY_CLUSTER_ROLES_ARE_MANAGERS.check(weir);
        NO_VERSIONED_TWINS.check(weir);
    }

    // The rules can fail: the same builders, applied to the fixture classes, report violations.

    private static final String FIXTURE = "io.weir.tests.architecture.fixture";

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void mayOnlyUseReportsADependencyOutsideTheAllowedPackages() {
        ArchRule rule = mayOnlyUse(FIXTURE + ".lower..", "fixture", JDK, FIXTURE + ".lower..");
        assertViolationsNamed(rule, "LowerLayer");
    }

    @Test
    void mustNotUseReportsADependencyOnAHigherLayer() {
        ArchRule rule = mustNotUse(FIXTURE + ".lower..", "fixture", FIXTURE + ".upper..");
        assertViolationsNamed(rule, "LowerLayer");
    }

    @Test
    void onlyUsedByReportsALibraryUsedOutsideItsWall() {
        ArchRule rule = onlyUsedBy(FIXTURE + ".upper..", "fixture", FIXTURE + ".wall..");
        assertViolationsNamed(rule, "LowerLayer");
    }

    @Test
    void mayUseOfWeirOnlyReportsADependencyOnAnotherPartOfTheProject() {
        ArchRule rule = mayUseOfWeirOnly(FIXTURE + ".lower..", FIXTURE, "fixture", FIXTURE + ".lower..");
        assertViolationsNamed(rule, "LowerLayer");
    }

    @Test
    void kafkaWallReportsTheKafkaClientUsedOutsideItsConnector() {
        assertViolationsNamed(KAFKA_ONLY_IN_ITS_CONNECTOR, "KafkaOutsideItsWall");
    }

    @Test
    void httpLibraryWallsReportAUseOutsideTheWebModule() {
        assertViolationsNamed(JAVALIN_ONLY_IN_WEB, "ServesHttp");
        assertViolationsNamed(JACKSON_ONLY_IN_WEB_AND_JSON_FORMAT, "ServesHttp");
        assertViolationsNamed(JETTY_ONLY_IN_WEB, "ServesHttp");
    }

    @Test
    void sqlLibraryWallsReportCalciteAndJaninoOutsideTheSqlLayer() {
        assertViolationsNamed(CALCITE_ONLY_IN_SQL, "PlannerOutsideSql");
        assertViolationsNamed(JANINO_ONLY_IN_SQL, "PlannerOutsideSql");
    }

    @Test
    void internalsRuleReportsAUserFacingClassAndAllowsTheOperators() {
        ArchRule rule = onlyUsedBy(FIXTURE + ".operators.internal..", "fixture",
                FIXTURE + ".operators", FIXTURE + ".operators.internal..");
        assertViolationsNamed(rule, "UserFacing");
        String report = rule.evaluate(FIXTURES).getFailureReport().toString();
        assertFalse(report.contains("FixtureOperator"), report);
    }

    @Test
    void namingRulesReportEveryForbiddenNameAndAllowTheClusterRoles() {
        assertViolationsNamed(NO_VAGUE_SUFFIXES, "ConnectionHelper", "BufferUtil", "StringUtils", "ReaderImpl");
        assertViolationsNamed(ONLY_CLUSTER_ROLES_ARE_MANAGERS, "BufferManager");
        assertViolationsNamed(NO_VERSIONED_TWINS, "SinkV2", "LegacySource");
        String managers = ONLY_CLUSTER_ROLES_ARE_MANAGERS.evaluate(FIXTURES).getFailureReport().toString();
        assertFalse(managers.contains(Names.ResourceManager.class.getName()), managers);
        assertFalse(managers.contains(Names.TaskManager.class.getName()), managers);
    }

    private static void assertViolationsNamed(ArchRule rule, String... simpleNames) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertTrue(result.hasViolation(), () -> "expected a violation of: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        for (String name : simpleNames) {
            assertTrue(report.contains(name), () -> "expected " + name + " in: " + report);
        }
    }

    // Rule builders, shared by the real rules and the fixture checks.

    /** Classes in {@code layer} depend on nothing outside {@code allowed}. */
    private static ArchRule mayOnlyUse(String layer, String because, String... allowed) {
        return classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because(because)
                // A module may have no classes yet; importHoldsMainClassesAndNoTests guards the import.
                .allowEmptyShould(true);
    }

    /**
     * Classes in {@code layer} depend on no class under {@code projectRoot} outside {@code allowed};
     * what lies outside the project (the JDK, libraries) is left to other rules.
     */
    private static ArchRule mayUseOfWeirOnly(String layer, String projectRoot, String because, String... allowed) {
        return classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(projectRoot + "..")
                        .or(resideInAnyPackage(allowed)))
                .because(because)
                .allowEmptyShould(true);
    }

    /** Classes in {@code layer} depend on nothing in {@code forbidden}. */
    private static ArchRule mustNotUse(String layer, String because, String... forbidden) {
        return noClasses().that().resideInAPackage(layer)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(because)
                .allowEmptyShould(true);
    }

    /** Only classes in {@code users} depend on classes in {@code library}. */
    private static ArchRule onlyUsedBy(String library, String because, String... users) {
        return noClasses().that().resideOutsideOfPackages(users)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(because)
                .allowEmptyShould(true);
    }
}
