package io.weir.tests.distribution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program that logs through every API a library may use (SLF4J, java.util.logging,
 * {@link System.Logger}), at levels the distribution's configuration keeps or drops.
 * {@link DistributionLoggingTest} runs it in its own JVM with {@code conf/logback.xml}.
 */
public final class LoggingProbe {
    private LoggingProbe() {}

    public static void main(String[] args) {
        Logger weir = LoggerFactory.getLogger("io.weir.probe.Engine");
        weir.info("from slf4j");
        weir.debug("debug of weir is dropped");
        java.util.logging.Logger.getLogger("io.weir.probe.Jul").info("from java.util.logging");
        java.util.logging.Logger.getLogger("org.example.Jul").info("library info is dropped");
        java.util.logging.Logger.getLogger("org.example.Jul").warning("library warning from java.util.logging");
        System.getLogger("io.weir.probe.Platform").log(System.Logger.Level.INFO, "from System.Logger");
        LoggerFactory.getLogger("org.example.Library").info("library info is dropped");
        LoggerFactory.getLogger("org.example.Library").warn("library warning");
    }
}
