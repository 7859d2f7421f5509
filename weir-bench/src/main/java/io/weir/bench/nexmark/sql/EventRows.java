package io.weir.bench.nexmark.sql;

import io.weir.api.functions.MapFunction;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.bench.nexmark.Auction;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.Person;
import io.weir.runtime.operators.CopyFreeInput;
import io.weir.sql.api.ValidationException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A Nexmark event as the harness's table row: {@code event_type} (0 person, 1 auction, 2 bid) and
 * one nested row per kind, the other two null. Times become {@code TIMESTAMP(3)} values in UTC.
 */
final class EventRows implements MapFunction<Event, Row>, CopyFreeInput {

    private static final long serialVersionUID = 1L;
    private static final int[] ARITIES = {8, 10, 7};

    /** Fails, naming what is expected, unless the table's physical columns are the harness's shape. */
    static void checkSchema(String table, RowTypeInfo rowType) {
        boolean ok = rowType.getArity() == 4;
        for (int i = 0; ok && i < 3; i++) {
            ok = rowType.getFieldTypes()[i + 1] instanceof RowTypeInfo nested && nested.getArity() == ARITIES[i];
        }
        if (!ok) {
            throw new ValidationException("Table " + table + " (connector 'nexmark') must have the physical columns "
                    + "event_type INT, person ROW<8 fields>, auction ROW<10 fields>, bid ROW<7 fields>, as the Nexmark "
                    + "harness's ddl_source.sql declares them; it has " + rowType);
        }
    }

    /** It only reads the event's fields (immutable values) into a new row. */
    @Override
    public boolean acceptsSharedInput() {
        return true;
    }

    @Override
    public Row map(Event event) {
        Row row = new Row(4);
        if (event instanceof Person p) {
            row.setField(0, 0);
            row.setField(1, Row.of(p.id(), p.name(), p.emailAddress(), p.creditCard(), p.city(), p.state(),
                    time(p.dateTime()), p.extra()));
        } else if (event instanceof Auction a) {
            row.setField(0, 1);
            row.setField(2, Row.of(a.id(), a.itemName(), a.description(), a.initialBid(), a.reserve(),
                    time(a.dateTime()), time(a.expires()), a.seller(), a.category(), a.extra()));
        } else if (event instanceof Bid b) {
            row.setField(0, 2);
            row.setField(3, Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), time(b.dateTime()),
                    b.extra()));
        }
        return row;
    }

    private static LocalDateTime time(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }
}
