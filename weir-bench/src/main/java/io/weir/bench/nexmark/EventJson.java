package io.weir.bench.nexmark;

/**
 * Writes an event as one line of JSON, in the form of the Flink anchor harness's {@code dump}: a
 * {@code "type"} of person, auction or bid, then the fields in declaration order, times as epoch
 * milliseconds. Equal JSON lines mean equal events, so comparing two generators is comparing text.
 */
public final class EventJson {
    private EventJson() {
    }

    /** The JSON object for {@code event}, without a line break. */
    public static String toJson(Event event) {
        StringBuilder out = new StringBuilder(256);
        append(event, out);
        return out.toString();
    }

    /** Appends the JSON object for {@code event}, without a line break. */
    public static void append(Event event, StringBuilder out) {
        if (event instanceof Person p) {
            out.append("{\"type\":\"person\",\"id\":").append(p.id());
            string(out, "name", p.name());
            string(out, "emailAddress", p.emailAddress());
            string(out, "creditCard", p.creditCard());
            string(out, "city", p.city());
            string(out, "state", p.state());
            number(out, "dateTime", p.dateTime());
            string(out, "extra", p.extra());
        } else if (event instanceof Auction a) {
            out.append("{\"type\":\"auction\",\"id\":").append(a.id());
            string(out, "itemName", a.itemName());
            string(out, "description", a.description());
            number(out, "initialBid", a.initialBid());
            number(out, "reserve", a.reserve());
            number(out, "dateTime", a.dateTime());
            number(out, "expires", a.expires());
            number(out, "seller", a.seller());
            number(out, "category", a.category());
            string(out, "extra", a.extra());
        } else {
            Bid b = (Bid) event;
            out.append("{\"type\":\"bid\",\"auction\":").append(b.auction());
            number(out, "bidder", b.bidder());
            number(out, "price", b.price());
            string(out, "channel", b.channel());
            string(out, "url", b.url());
            number(out, "dateTime", b.dateTime());
            string(out, "extra", b.extra());
        }
        out.append('}');
    }

    private static void number(StringBuilder out, String key, long value) {
        out.append(",\"").append(key).append("\":").append(value);
    }

    /** A string member; quote and backslash are escaped, control chars written as {@code \}{@code u00xx}. */
    private static void string(StringBuilder out, String key, String value) {
        out.append(",\"").append(key).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
            out.append('\\').append(c);
            } else if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
            out.append(c);
            }
        }
        out.append('"');
    }
}
