package io.weir.api.configuration;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A typed configuration setting, declared once: key, type, default value, description, the rule a
 * value must follow, and older keys that still name it.
 *
 * <p>Options are immutable; the {@code with...} methods return a changed copy, so a declaration
 * reads {@code ConfigOptions.key("a.b").intType().defaultValue(4).withDeprecatedKeys("a").withDescription("...")}.
 *
 * <p>Keys are looked up in this order: the key itself, the fallback keys (other current keys whose
 * value this option takes when it is unset), then the deprecated keys (old names of this option,
 * accepted with one warning that names the current key).
 */
public final class ConfigOption<T> {
    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;
    private final List<String> deprecatedKeys;
    private final Predicate<? super T> rule;
    private final String ruleText;

    ConfigOption(String key, ValueType<T> type, T defaultValue) {
        this(key, type, defaultValue, "", List.of(), List.of(), null, null);
    }

    private ConfigOption(String key, ValueType<T> type, T defaultValue, String description, List<String> fallbackKeys,
            List<String> deprecatedKeys, Predicate<? super T> rule, String ruleText) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.fallbackKeys = List.copyOf(fallbackKeys);
        this.deprecatedKeys = List.copyOf(deprecatedKeys);
        this.rule = rule;
        this.ruleText = ruleText;
        if (rule != null && defaultValue != null && !rule.test(defaultValue)) {
            throw new IllegalArgumentException("The default value " + defaultValue + " of '" + key + "' breaks its rule: "
                    + ruleText);
        }
    }

    /** A copy with this description; the generated docs and {@code bin/weir config list} show it. */
    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys, deprecatedKeys, rule, ruleText);
    }

    /** A copy that also reads the given current keys, in order, when its own key is unset. */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, List.of(keys), deprecatedKeys, rule, ruleText);
    }

    /** A copy that accepts these old names of its key, with a warning naming the current key. */
    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys, List.of(keys), rule, ruleText);
    }

    /**
     * A copy that rejects values failing {@code rule}; {@code requirement} completes the sentence
     * "the value must ..." in the error, e.g. {@code "be at least 1"}.
     */
    public ConfigOption<T> withValidation(Predicate<? super T> rule, String requirement) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys, deprecatedKeys,
                Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(requirement, "requirement"));
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    public List<String> deprecatedKeys() {
        return deprecatedKeys;
    }

    /** The type as the docs show it: {@code Integer}, {@code Duration}, {@code Enum}, {@code List<String>}, .... */
    public String typeName() {
        return type.name();
    }

    /** For enum options the accepted values, else empty. */
    public List<String> possibleValues() {
        return type.possibleValues();
    }

    /** What a value must satisfy beyond its type ("be at least 1"), or {@code null}. */
    public String requirement() {
        return ruleText;
    }

    /** Parses a string value, failing with a message that names the key, the value and what is expected. */
    public T parse(String value) {
        T parsed;
        try {
            parsed = type.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException("Invalid value '" + value + "' for configuration key '" + key
                    + "': expected " + type.expectation() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + ".", e);
        }
        return validate(parsed);
    }

    /** Checks a value against the option's type and rule; returns it, or fails naming the key. */
    public T validate(Object value) {
        T typed;
        try {
            typed = type.cast(value);
        } catch (ClassCastException e) {
            throw new IllegalConfigurationException("Invalid value '" + value + "' for configuration key '" + key
                    + "': expected " + type.expectation() + ", got a " + value.getClass().getSimpleName() + ".", e);
        }
        if (rule != null && !rule.test(typed)) {
            throw new IllegalConfigurationException("Invalid value '" + format(typed) + "' for configuration key '" + key
                    + "': the value must " + ruleText + ".");
        }
        return typed;
    }

    /** The value written so that {@link #parse} reads it back: {@code 100 ms}, {@code 32 mb}, {@code a;b}. */
    public String format(T value) {
        return type.format(value);
    }

    /** A value of this option given as a string or typed object, as the option's type. */
    T convert(Object value) {
        return value instanceof String && !type.isString() ? parse((String) value) : validate(value);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigOption)) {
            return false;
        }
        ConfigOption<?> other = (ConfigOption<?>) o;
        return key.equals(other.key) && type.name().equals(other.type.name())
                && Objects.equals(defaultValue, other.defaultValue) && fallbackKeys.equals(other.fallbackKeys)
                && deprecatedKeys.equals(other.deprecatedKeys);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key + " (" + type.name() + ", default " + (defaultValue == null ? "none" : format(defaultValue)) + ")";
    }
}
