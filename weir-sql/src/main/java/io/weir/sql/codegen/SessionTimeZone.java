package io.weir.sql.codegen;

import io.weir.sql.api.ValidationException;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;

/**
 * The session time zone, Flink's {@code table.local-time-zone}: how TIMESTAMP_LTZ values are shown and
 * converted, and the zone of CURRENT_DATE, LOCALTIMESTAMP and the other functions that read a wall
 * clock. {@code 'default'} (the default) is the JVM's zone, as in Flink. The session gives it to the
 * planner ({@code QueryPlanner}), which puts it into the context of its plans' cluster ({@link #context});
 * code generation reads it from the plan ({@link #of(RelOptCluster)}) and writes it into the generated
 * code, so a job keeps the zone it was planned with, whichever thread plans or runs it.
 */
public final class SessionTimeZone {

    /** The option's key. */
    public static final String OPTION = "table.local-time-zone";

    /** The zone in a planner's context. */
    private record Planned(ZoneId zone) {
    }

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

    /** A planner context holding the session zone, for the cluster of a statement's plans. */
    public static Context context(ZoneId zone) {
        return Contexts.of(new Planned(zone));
    }

    /**
     * The session zone a plan was made with: the one in its cluster's planner context. A plan made
     * without one (a planner that only derives types) cannot be turned into code.
     */
    public static ZoneId of(RelOptCluster cluster) {
        Planned planned = cluster.getPlanner().getContext().unwrap(Planned.class);
        if (planned == null) {
            throw new IllegalStateException("The plan was made without a session time zone ('" + OPTION + "'); "
                    + "plan queries that run with QueryPlanner(catalogs, zone)");
        }
        return planned.zone();
    }
}
