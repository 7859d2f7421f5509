package io.weir.api.configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of an option's values: how a string is parsed into one, how one is written back, and
 * what the docs call it. Lists are written {@code a;b;c}, maps {@code k1:v1,k2:v2}, as in Flink.
 */
final class ValueType<T> {
    private final String name;
    private final String expectation;
    private final Class<?> javaType;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<String> possibleValues;

    private ValueType(String name, String expectation, Class<?> javaType, Function<String, T> parser,
            Function<T, String> formatter, List<String> possibleValues) {
        this.name = name;
        this.expectation = expectation;
        this.javaType = javaType;
        this.parser = parser;
        this.formatter = formatter;
        this.possibleValues = possibleValues;
    }

    static final ValueType<Integer> INT = simple("Integer", "an integer", Integer.class, Integer::valueOf);
    static final ValueType<Long> LONG = simple("Long", "a long integer", Long.class, Long::valueOf);
    static final ValueType<Double> DOUBLE = simple("Double", "a number", Double.class, Double::valueOf);
    static final ValueType<Boolean> BOOLEAN = simple("Boolean", "true or false", Boolean.class, ValueType::parseBoolean);
    static final ValueType<String> STRING = simple("String", "a string", String.class, s -> s);
    static final ValueType<MemorySize> MEMORY = simple("MemorySize", "a memory size such as 64kb or 32 mb",
            MemorySize.class, MemorySize::parse);
    static final ValueType<Duration> DURATION = new ValueType<>("Duration", "a duration such as 100 ms, 5 s or 2 min",
            Duration.class, DurationParser::parse, DurationParser::format, List.of());
    static final ValueType<Map<String, String>> MAP = new ValueType<>("Map", "a map written k1:v1,k2:v2",
            Map.class, ValueType::parseMap, ValueType::formatMap, List.of());

    private static <T> ValueType<T> simple(String name, String expectation, Class<T> type, Function<String, T> parser) {
        return new ValueType<>(name, expectation, type, parser, String::valueOf, List.of());
    }

    static <E extends Enum<E>> ValueType<E> enumType(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
        return new ValueType<>("Enum", "one of " + String.join(", ", names), type, s -> parseEnum(type, s),
                Enum::name, List.copyOf(names));
    }

    /** Lists of this type, written {@code a;b;c}; an empty string is the empty list. */
    ValueType<List<T>> asList() {
        return new ValueType<>("List<" + name + ">", "a list of " + expectation + " separated by ';'", List.class,
                s -> parseList(s, parser), list -> list.stream().map(formatter).collect(Collectors.joining(";")),
                possibleValues);
    }

    String name() {
        return name;
    }

    String expectation() {
        return expectation;
    }

    List<String> possibleValues() {
        return possibleValues;
    }

    boolean isString() {
        return javaType == String.class;
    }

    T parse(String s) {
        return parser.apply(s);
    }

    String format(T value) {
        return formatter.apply(value);
    }

    @SuppressWarnings("unchecked")
    T cast(Object value) {
        if (value instanceof Integer && javaType == Long.class) {
            return (T) Long.valueOf((Integer) value);
        }
        if (!javaType.isInstance(value)) {
            throw new ClassCastException(value.getClass() + " is not " + javaType);
        }
        return (T) value;
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not true or false");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(s) || constant.name().equalsIgnoreCase(s.replace('-', '_'))) {
                return constant;
            }
        }
        throw new IllegalArgumentException("not a known value");
    }

    private static <T> List<T> parseList(String s, Function<String, T> element) {
        List<T> values = new ArrayList<>();
        if (s.isBlank()) {
            return List.of();
        }
        for (String part : s.split(";", -1)) {
            values.add(element.apply(part.trim()));
        }
        return List.copyOf(values);
    }

    private static Map<String, String> parseMap(String s) {
        Map<String, String> map = new LinkedHashMap<>();
        if (s.isBlank()) {
            return Map.of();
        }
        for (String entry : s.split(",", -1)) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "' is not key:value");
            }
            map.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String formatMap(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
