package io.weir.cli;

import io.weir.runtime.state.KeyedStateRows;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of one keyed state ({@code weir savepoint inspect --state}) as an aligned table or
 * as a JSON array. Values print with their own {@code toString()} when their class has one (records,
 * strings, numbers, collections), else as {@code Class{field=value, …}}.
 */
final class StateRowsPrinter {
    enum Format { TABLE, JSON }

    private StateRowsPrinter() {}

    static void print(KeyedStateRows.Rows rows, Format format, PrintWriter out) {
        boolean map = "MAP".equals(rows.header().kind());
        boolean windowed = rows.rows().stream().anyMatch(r -> r.namespace() != null);
        if (format == Format.JSON) {
            printJson(rows, map, windowed, out);
        } else {
            printTable(rows, map, windowed, out);
        }
        out.flush();
    }

    private static void printTable(KeyedStateRows.Rows rows, boolean map, boolean windowed, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns(map, windowed, "key", "namespace", "map key", "value"));
        for (KeyedStateRows.Row row : rows.rows()) {
            lines.add(columns(map, windowed, render(row.key()), render(row.namespace()), render(row.userKey()),
                    render(row.value())));
        }
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length - 1; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(text.toString().stripTrailing());
        }
        out.println("(" + rows.rows().size() + (rows.truncated() ? " rows shown; there are more: raise --limit)"
                : " rows)"));
    }

    private static String[] columns(boolean map, boolean windowed, String key, String namespace, String userKey,
            String value) {
        List<String> columns = new ArrayList<>(List.of(key));
        if (windowed) {
            columns.add(namespace);
        }
        if (map) {
            columns.add(userKey);
        }
        columns.add(value);
        return columns.toArray(String[]::new);
    }

    private static void printJson(KeyedStateRows.Rows rows, boolean map, boolean windowed, PrintWriter out) {
        out.println("[");
        List<KeyedStateRows.Row> all = rows.rows();
        for (int i = 0; i < all.size(); i++) {
            KeyedStateRows.Row row = all.get(i);
            StringBuilder line = new StringBuilder("  {\"keyGroup\": ").append(row.keyGroup())
                    .append(", \"key\": ").append(json(row.key()));
            if (windowed) {
                line.append(", \"namespace\": ").append(json(row.namespace()));
            }
            if (map) {
                line.append(", \"mapKey\": ").append(json(row.userKey()));
            }
            line.append(", \"value\": ").append(json(row.value())).append(i < all.size() - 1 ? "}," : "}");
            out.println(line);
        }
        out.println("]");
    }

    private static String json(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            return String.valueOf(value);
        }
        String text = render(value);
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    /** A value as text: its own toString() where its class has one, else its fields. */
    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++) {
                text.append(i == 0 ? "" : ", ").append(render(Array.get(value, i)));
            }
            return text.append(']').toString();
        }
        try {
            if (type.getMethod("toString").getDeclaringClass() != Object.class) {
                return value.toString();
            }
        } catch (NoSuchMethodException e) {
            return value.toString();
        }
        return fields(value);
    }

    private static String fields(Object value) {
        StringBuilder text = new StringBuilder(value.getClass().getSimpleName()).append('{');
        boolean first = true;
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    text.append(first ? "" : ", ").append(field.getName()).append('=').append(render(field.get(value)));
                    first = false;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return value.toString();
                }
            }
        }
        return text.append('}').toString();
    }
}
