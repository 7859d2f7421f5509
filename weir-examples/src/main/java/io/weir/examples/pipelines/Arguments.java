package io.weir.examples.pipelines;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} arguments of the pipeline examples. Every problem is an
 * {@link IllegalArgumentException} that names the argument and repeats the usage line, so a
 * mistyped command says what to type instead.
 */
public final class Arguments {
    private final String usage;
    private final Map<String, String> values = new HashMap<>();

    private Arguments(String usage) {
        this.usage = usage;
    }

    /** Reads {@code args} as pairs; names outside {@code known} are errors. */
    public static Arguments parse(String[] args, String usage, Set<String> known) {
        Arguments arguments = new Arguments(usage);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown argument '" + name + "'. Usage: " + usage);
            }
            if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("'" + name + "' needs a value. Usage: " + usage);
            }
            arguments.values.put(name, args[i + 1]);
        }
        return arguments;
    }

    /** The value of an argument the example cannot run without. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' is required. Usage: " + usage);
        }
        return value;
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, not '" + value
                    + "'. Usage: " + usage, e);
        }
    }

    /** {@code --bounded true}: read what the input holds at the start, then end (for trying an example out). */
    public boolean getBoolean(String name) {
        String value = values.getOrDefault(name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + name + "' must be true or false, not '" + value
                    + "'. Usage: " + usage);
        }
        return Boolean.parseBoolean(value);
    }
}
