package io.weir.runtime.configuration;

import io.weir.api.configuration.IllegalConfigurationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of YAML that {@code config.yaml} uses into flat {@code key -> value} strings:
 * flat keys ({@code a.b.c: v}), nested maps (flattened with '.'), block lists ({@code - item}) and
 * flow lists ({@code [a, b]}) written {@code a;b}, flow maps ({@code {k: v}}) written {@code k:v},
 * plain, 'single' and "double" quoted scalars, and {@code #} comments. Anything else (tabs for
 * indentation, block scalars, anchors, several documents) fails with the line number, so a file is
 * never half understood.
 */
public final class ConfigYaml {

    /** One setting of the file and the line it is on, for error messages about its value. */
    public record Entry(String key, String value, int line) {}

    /** A key line whose value may come on the following, deeper lines. */
    private record Open(int indent, String key, int line, boolean hasValue) {}

    private final String source;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Deque<Open> parents = new ArrayDeque<>();
    private List<String> listItems;
    private Open listOwner;
    private int listIndent = -1;

    private ConfigYaml(String source) {
        this.source = source;
    }

    /**
     * The settings in {@code text}, in file order.
     *
     * @param source how errors name the file, e.g. {@code conf/config.yaml}
     * @throws IllegalConfigurationException "source line N: what is wrong"
     */
    public static List<Entry> parse(String text, String source) {
        ConfigYaml yaml = new ConfigYaml(source);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            yaml.line(lines[i], i + 1);
        }
        yaml.closeParents(-1);
        return List.copyOf(yaml.entries.values());
    }

    private void line(String raw, int number) {
        String content = stripComment(raw, number);
        if (content.isBlank() || (number == 1 && content.strip().equals("---"))) {
            return;
        }
        int indent = indentOf(raw, number);
        String body = content.strip();
        if (body.equals("-") || body.startsWith("- ")) {
            listItem(indent, body.substring(1).strip(), number);
            return;
        }
        finishList(indent);
        int colon = keyColon(body, number);
        String key = unquote(body.substring(0, colon).strip(), number);
        String rest = body.substring(colon + 1).strip();
        closeParents(indent);
        Open parent = parents.peek();
        if (parent != null && parent.hasValue) {
            throw error(number, "'" + key + "' is indented under '" + parent.key + "', which already has a value "
                    + "(line " + parent.line + "); indent it like '" + parent.key + "' or give that key no value");
        }
        if (parent == null && indent > 0) {
            throw error(number, "unexpected indentation before '" + key + "'");
        }
        String fullKey = parent == null ? key : parent.key + "." + key;
        if (rest.isEmpty()) {
            parents.push(new Open(indent, fullKey, number, false));
            return;
        }
        put(fullKey, scalarOrFlow(rest, number), number);
        parents.push(new Open(indent, fullKey, number, true));
    }

    private void listItem(int indent, String item, int number) {
        Open owner = parents.peek();
        if (listItems == null) {
            if (owner == null || owner.hasValue || indent < owner.indent) {
                throw error(number, "a list item '- ...' must follow a key with no value on its own line, e.g. "
                        + "'key:' then '  - item'");
            }
            listItems = new ArrayList<>();
            listOwner = owner;
            listIndent = indent;
        } else if (indent != listIndent) {
            throw error(number, "list items of '" + listOwner.key + "' must all be indented alike");
        }
        if (item.isEmpty() || item.startsWith("[") || item.startsWith("{") || keyColonOrMinus(item) >= 0) {
            throw error(number, "a list item must be a single value; nested lists and maps are not supported");
        }
        listItems.add(unquote(item, number));
    }

    private void finishList(int indent) {
        if (listItems != null && indent <= listIndent) {
            parents.pop();
            put(listOwner.key, String.join(";", listItems), listOwner.line);
            parents.push(new Open(listOwner.indent, listOwner.key, listOwner.line, true));
            listItems = null;
            listOwner = null;
            listIndent = -1;
        }
    }

    /** Ends the keys indented at least {@code indent}; one without value or children is an error. */
    private void closeParents(int indent) {
        finishList(indent);
        while (!parents.isEmpty() && parents.peek().indent >= indent) {
            Open open = parents.pop();
            if (!open.hasValue && !hasChildren(open)) {
                throw error(open.line, "'" + open.key + "' has no value; write 'key: value', or nest keys under it");
            }
        }
    }

    private boolean hasChildren(Open open) {
        String prefix = open.key + ".";
        return entries.keySet().stream().anyMatch(k -> k.startsWith(prefix) || k.equals(open.key));
    }

    private void put(String key, String value, int line) {
        Entry previous = entries.get(key);
        if (previous != null) {
            throw error(line, "'" + key + "' is set twice (also on line " + previous.line() + ")");
        }
        entries.put(key, new Entry(key, value, line));
    }

    private String scalarOrFlow(String text, int number) {
        if (text.startsWith("[")) {
            return String.join(";", flowItems(text, ']', number));
        }
        if (text.startsWith("{")) {
            List<String> pairs = new ArrayList<>();
            for (String item : flowItems(text, '}', number)) {
                int colon = keyColonOrMinus(item);
                if (colon <= 0) {
                    throw error(number, "'" + item + "' in a {...} map is not 'key: value'");
                }
                pairs.add(unquote(item.substring(0, colon).strip(), number) + ":"
                        + unquote(item.substring(colon + 1).strip(), number));
            }
            return String.join(",", pairs);
        }
        if (text.startsWith("|") || text.startsWith(">")) {
            throw error(number, "block scalars ('|' and '>') are not supported; write the value on one line");
        }
        if (text.startsWith("&") || text.startsWith("*") || text.startsWith("!")) {
            throw error(number, "anchors, aliases and tags are not supported");
        }
        return unquote(text, number);
    }

    /** The comma-separated items between the brackets, each still raw; quotes protect commas. */
    private List<String> flowItems(String text, char close, int number) {
        if (text.charAt(text.length() - 1) != close) {
            throw error(number, "'" + text.charAt(0) + "' is not closed by '" + close + "' on the same line");
        }
        List<String> items = new ArrayList<>();
        String inner = text.substring(1, text.length() - 1);
        StringBuilder item = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                items.add(item.toString().strip());
                item.setLength(0);
                continue;
            } else if (c == '[' || c == '{') {
                throw error(number, "nested lists and maps are not supported");
            }
            item.append(c);
        }
        if (!item.toString().isBlank() || !items.isEmpty()) {
            items.add(item.toString().strip());
        }
        List<String> values = new ArrayList<>();
        for (String raw : items) {
            values.add(close == ']' ? unquote(raw, number) : raw);
        }
        return values;
    }

    private String unquote(String text, int number) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first != '"' && first != '\'') {
            return text;
        }
        if (text.length() < 2 || text.charAt(text.length() - 1) != first) {
            throw error(number, "the quote " + first + " is not closed on the same line");
        }
        String inner = text.substring(1, text.length() - 1);
        return first == '\'' ? inner.replace("''", "'") : unescape(inner, number);
    }

    private String unescape(String s, int number) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw error(number, "a double-quoted value ends with a lone '\\'");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '"', '\\', '/' -> out.append(e);
                default -> throw error(number, "unknown escape '\\" + e + "' in a double-quoted value");
            }
        }
        return out.toString();
    }

    /** The position of the ':' that ends the key (followed by a space or the end), outside quotes. */
    private int keyColon(String body, int number) {
        int colon = keyColonOrMinus(body);
        if (colon < 0) {
            throw error(number, "expected 'key: value' (a colon followed by a space), got '" + body + "'");
        }
        if (colon == 0) {
            throw error(number, "the key before ':' is empty");
        }
        return colon;
    }

    private static int keyColonOrMinus(String body) {
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i == 0) {
                quote = c;
            } else if (c == ':' && (i + 1 == body.length() || body.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** The line without a '#' comment: one at the start or after a space, outside quotes. */
    private String stripComment(String line, int number) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && (i == 0 || " :[{,-".indexOf(line.charAt(i - 1)) >= 0)) {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private int indentOf(String line, int number) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            if (line.charAt(i) == '\t') {
                throw error(number, "a tab in the indentation; YAML indents with spaces only");
            }
            i++;
        }
        return i;
    }

    private IllegalConfigurationException error(int line, String message) {
        return new IllegalConfigurationException(source + " line " + line + ": " + message);
    }
}
