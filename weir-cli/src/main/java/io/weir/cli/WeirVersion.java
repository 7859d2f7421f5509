package io.weir.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The Weir version this CLI was built as, and the Java it runs on. */
final class WeirVersion implements IVersionProvider {

    /** Written by Maven resource filtering, so it is right in the jar and in {@code target/classes}. */
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        return new String[] {
            "Weir " + weirVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                    + ", " + System.getProperty("java.vendor") + ")"
        };
    }

    static String weirVersion() {
        try (InputStream in = WeirVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the weir-cli jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
