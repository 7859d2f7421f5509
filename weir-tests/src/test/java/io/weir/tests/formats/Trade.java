package io.weir.tests.formats;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A class as Avro's code generator writes it for the schema in {@link #SCHEMA$} (written by hand, kept small). */
public class Trade extends SpecificRecordBase {
    public static final Schema SCHEMA$ = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Trade\","
            + " \"namespace\": \"io.weir.tests.formats\", \"fields\": [{\"name\": \"symbol\", \"type\": \"string\"},"
            + " {\"name\": \"quantity\", \"type\": \"long\"}]}");

    private CharSequence symbol;
    private long quantity;

    public Trade() {}

    public Trade(String symbol, long quantity) {
        this.symbol = symbol;
        this.quantity = quantity;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> symbol;
            case 1 -> quantity;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> symbol = (CharSequence) value;
            case 1 -> quantity = (Long) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    public String symbol() {
        return symbol.toString();
    }

    public long quantity() {
        return quantity;
    }
}
