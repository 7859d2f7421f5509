package io.weir.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Weir version this module was built as (from a resource the build fills in). */
final class WeirWebVersion {
    private static final String VERSION = load();

    private WeirWebVersion() {}

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = WeirWebVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
