package io.weir.connector.file.src.reader;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Function;

/** Turns the text of one CSV field into a value of a record component's type. */
final class CsvFieldParser {
    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(String.class, s -> s),
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(byte.class, Byte::valueOf), Map.entry(Byte.class, Byte::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(boolean.class, CsvFieldParser::bool), Map.entry(Boolean.class, CsvFieldParser::bool),
            Map.entry(BigDecimal.class, BigDecimal::new),
            Map.entry(LocalDate.class, LocalDate::parse),
            Map.entry(LocalTime.class, LocalTime::parse),
            Map.entry(LocalDateTime.class, s -> LocalDateTime.parse(s.replace(' ', 'T'))));

    private CsvFieldParser() {}

    static void check(Class<?> recordClass, RecordComponent component) {
        if (!PARSERS.containsKey(component.getType())) {
            throw new IllegalArgumentException("CsvReaderFormat cannot read the component " + component.getName()
                    + " of " + recordClass.getName() + ": its type " + component.getType().getName() + " is not one of "
                    + "String, the primitives and their boxes, BigDecimal, LocalDate, LocalTime, LocalDateTime");
        }
    }

    static Object parse(Class<?> type, String text) {
        String trimmed = type == String.class ? text : text.trim();
        if (trimmed.isEmpty() && type != String.class) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("an empty field has no " + type.getName() + " value");
            }
            return null;
        }
        return PARSERS.get(type).apply(trimmed);
    }

    private static Object bool(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false");
    }
}
