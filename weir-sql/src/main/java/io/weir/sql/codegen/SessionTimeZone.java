package io.weir.sql.codegen;

import io.weir.sql.api.ValidationException;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The session time zone, Flink's {@code table.local-time-zone}: how TIMESTAMP_LTZ values are shown and
 * converted, and the zone of CURRENT_DATE, LOCALTIMESTAMP and the other functions that read a wall
 * clock. {@code 'default'} (the default) is the JVM's zone, as in Flink. The session sets it on the
 * planning thread before each statement is planned ({@link #use}); code generation writes it into the
 * generated code, so a job keeps the zone it was planned with.
 */
public final class SessionTimeZone {

    /** The option's key. */
    public static final String OPTION = "table.local-time-zone";

    private static final ThreadLocal<ZoneId> CURRENT = new ThreadLocal<>();

    private SessionTimeZone() {
    }

    /** The zone an option value names: 'default' or no value is the JVM's zone. */
    public static ZoneId of(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("default")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new ValidationException("'" + OPTION + "' is set to '" + value + "', which is no time zone; use a "
                    + "region such as 'Europe/Berlin' or 'UTC', an offset such as 'GMT+08:00', or 'default' for the "
                    + "JVM's zone");
        }
    }

    /** Makes {@code zone} the zone statements planned on this thread use. */
    public static void use(ZoneId zone) {
        CURRENT.set(zone);
    }

    /** The zone of the statement being planned on this thread; the JVM's zone if the session set none. */
    public static ZoneId current() {
        ZoneId zone = CURRENT.get();
        return zone == null ? ZoneId.systemDefault() : zone;
    }
}
