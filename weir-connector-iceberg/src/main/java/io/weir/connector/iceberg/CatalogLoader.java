package io.weir.connector.iceberg;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Opens an Iceberg {@link Catalog} wherever it is needed (on the client to check the table, in
 * every writer and committer): it travels with the job, so it holds only the catalog's name and
 * properties, never an open catalog. As Flink's {@code CatalogLoader}.
 *
 * <p>Two kinds: {@link #hadoop} keeps the tables' metadata in the warehouse directory itself
 * (a {@code file:} one); {@link #jdbc} keeps the pointer to each table's current metadata in a
 * database table ({@code uri = jdbc:...}), the files in the warehouse, which may be on S3
 * ({@code s3://}, written through Weir's S3 file system by {@link WeirFileSystemIO}). The
 * JDBC driver of that database must be on the classpath (the user brings it, as for the JDBC
 * connector).
 */
public final class CatalogLoader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String type;
    private final Map<String, String> properties;

    private CatalogLoader(String name, String type, Map<String, String> properties) {
        this.name = name;
        this.type = type;
        this.properties = new HashMap<>(properties);
        String warehouse = properties.get(CatalogProperties.WAREHOUSE_LOCATION);
        if (warehouse == null || warehouse.isBlank()) {
            throw new IllegalArgumentException("The " + type + " catalog '" + name + "' needs the 'warehouse' "
                    + "property: the directory (file:/..., or a Hadoop file system URI) where the tables' files go");
        }
        if ("hadoop".equals(type) && isS3(warehouse)) {
            throw new IllegalArgumentException("The hadoop catalog '" + name + "' keeps its metadata with Hadoop's file "
                    + "systems, and Hadoop's S3 file system (s3a) is not on Weir's classpath, so it cannot use " + warehouse
                    + "; use the jdbc catalog, which writes an s3:// warehouse through Weir's S3 file system");
        }
        if ("jdbc".equals(type) && properties.get(CatalogProperties.URI) == null) {
            throw new IllegalArgumentException("The jdbc catalog '" + name + "' needs the 'uri' property: the JDBC URL "
                    + "of the database that holds the catalog, e.g. jdbc:sqlite:/path/catalog.db");
        }
    }

    /** A {@link HadoopCatalog}: properties need {@code warehouse}. */
    public static CatalogLoader hadoop(String name, Map<String, String> properties) {
        return new CatalogLoader(name, "hadoop", properties);
    }

    /**
     * A {@link JdbcCatalog}: properties need {@code uri} (the JDBC URL) and {@code warehouse};
     * {@code jdbc.user}, {@code jdbc.password} and other {@code jdbc.*} keys go to the driver.
     */
    public static CatalogLoader jdbc(String name, Map<String, String> properties) {
        return new CatalogLoader(name, "jdbc", properties);
    }

    /** Opens the catalog; the caller closes it when it is {@link AutoCloseable}. */
    public Catalog loadCatalog() {
        Configuration hadoopConf = new Configuration();
        if ("hadoop".equals(type)) {
            HadoopCatalog catalog = new HadoopCatalog();
            catalog.setConf(hadoopConf);
            catalog.initialize(name, properties);
            return catalog;
        }
        Map<String, String> jdbcProperties = new HashMap<>(properties);
        // V1 also keeps views; without it an existing V0 catalog database is used as it is
        jdbcProperties.putIfAbsent("jdbc.schema-version", "V1");
        if (isS3(properties.get(CatalogProperties.WAREHOUSE_LOCATION))) {
            // through Weir's S3 file system: Hadoop's s3a is not on the classpath
            jdbcProperties.putIfAbsent(CatalogProperties.FILE_IO_IMPL, WeirFileSystemIO.class.getName());
        }
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(hadoopConf);
        catalog.initialize(name, jdbcProperties);
        return catalog;
    }

    private static boolean isS3(String warehouse) {
        String lower = warehouse.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("s3:") || lower.startsWith("s3a:") || lower.startsWith("s3n:");
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return type + " catalog '" + name + "' (warehouse " + properties.get(CatalogProperties.WAREHOUSE_LOCATION) + ")";
    }
}
