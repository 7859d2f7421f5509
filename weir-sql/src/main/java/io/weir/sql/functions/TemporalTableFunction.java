package io.weir.sql.functions;

import io.weir.sql.catalog.CatalogView;

/**
 * The versions of an append-only history table, by key and time, called in SQL as
 * {@code FROM orders AS o, LATERAL TABLE(rates(o.order_time)) AS r WHERE r.currency = o.currency}:
 * each order joins the rate of its currency valid at its time (an event-time temporal join). Made by
 * {@link io.weir.sql.api.Table#createTemporalTableFunction} and registered like other functions
 * ({@code createTemporarySystemFunction("rates", function)}).
 *
 * <p>Weir plans the call as {@code JOIN v FOR SYSTEM_TIME AS OF o.order_time AS r ON <the WHERE
 * condition>}, where {@code v} is the history deduplicated to the latest row per key (Flink's
 * versioned view), so the temporal join operator runs it.
 */
public final class TemporalTableFunction extends UserDefinedFunction {

    private static final long serialVersionUID = 1L;

    private final transient CatalogView versionedView;
    private final String timeAttribute;
    private final String primaryKey;

    /** @param versionedView the history deduplicated to its latest row per key */
    public TemporalTableFunction(CatalogView versionedView, String timeAttribute, String primaryKey) {
        this.versionedView = versionedView;
        this.timeAttribute = timeAttribute;
        this.primaryKey = primaryKey;
    }

    public CatalogView versionedView() {
        return versionedView;
    }

    public String timeAttribute() {
        return timeAttribute;
    }

    public String primaryKey() {
        return primaryKey;
    }
}
